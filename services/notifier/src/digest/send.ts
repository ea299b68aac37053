import type { Database } from "@huiyin/db";
import type { Logger } from "@huiyin/logger";
import { type DigestContent, languageOf, renderDigest } from "@huiyin/notify";
import { UnrecoverableError } from "bullmq";
import { type EmailSettings, type Mailer, type SendOutcome, sendTracked, trackedRow } from "../email.ts";
import { type DigestEmailJob, dateColumn } from "./run.ts";

export interface DigestSendContext {
  database: Database;
  mailer: Mailer;
  settings: EmailSettings;
  logger: Logger;
}

/**
 * E-mails one person's digest of one date, tracked by its `digests` row exactly as a notice e-mail is by its
 * delivery row (`sendTracked`): delivered once, retried with backoff, `dead` at the end. The message says what the
 * row says, in the person's language.
 */
export async function sendDigest(
  context: DigestSendContext,
  job: DigestEmailJob,
  final: boolean,
): Promise<SendOutcome> {
  const { database } = context;
  const key = { personId: job.personId, digestDate: dateColumn(job.date) };
  const row = trackedRow((narrow, data) => database.prisma.digest.updateMany({ where: { ...key, ...narrow }, data }));
  const logger = context.logger.child({ personId: job.personId, digestDate: job.date });
  return sendTracked(
    { ...context, logger },
    row,
    async () => {
      const digest = await database.prisma.digest.findUniqueOrThrow({
        where: { personId_digestDate: key },
        include: { person: true },
      });
      const { person } = digest;
      if (!person.email) throw new UnrecoverableError(`person ${person.id} has no e-mail address`);
      const message = renderDigest(digest.content as unknown as DigestContent, languageOf(person.language), {
        name: person.name,
        publicBaseUrl: context.settings.publicBaseUrl,
      });
      return {
        to: `${person.name} <${person.email}>`,
        ...message,
        messageId: `<digest.${job.date}.${job.personId}@huiyin>`,
        headers: { "X-Huiyin-Digest": job.date },
      };
    },
    final,
  );
}
