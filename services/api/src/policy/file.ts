import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Database } from "@huiyin/db";
import { savePolicyVersion } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { z } from "zod";

/**
 * Keeps the policy file (POLICY_FILE) as the committee's new policy version at start, when it differs from the
 * last version; an invalid file stops the start with every problem listed.
 */
export async function loadPolicyFile(
  database: Database,
  file: string,
  committeeId: string,
  logger: Logger,
): Promise<void> {
  let override: unknown;
  try {
    override = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(`policy file ${basename(file)}: not JSON (${(error as Error).message})`);
  }
  const saved = await savePolicyVersion(
    database,
    { committeeId, override, changedBy: `file:${basename(file)}`, note: "POLICY_FILE at start" },
    { unlessSame: true },
  ).catch((error: unknown) => {
    if (error instanceof z.ZodError) {
      const problems = error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`policy file ${basename(file)}: ${problems.join("; ")}`);
    }
    throw error;
  });
  logger.info(
    { file: basename(file), version: saved.version.version, kept: saved.saved },
    saved.saved ? "policy file kept as a new policy version" : "policy file unchanged",
  );
}
