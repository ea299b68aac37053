import { numberPatternSchema } from "@huiyin/domain";
import { z } from "zod";

const localDate = z.iso.date();

/**
 * `POST /v1/committee-sessions`: a session (届次) with the days it covers (its plenary up to the next session's,
 * both included) and its plenary dates (大会期间) within them; `numberPattern` writes its proposal numbers.
 */
export const createSessionSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    startsOn: localDate,
    endsOn: localDate,
    plenaryStartsOn: localDate,
    plenaryEndsOn: localDate,
    numberPattern: numberPatternSchema.default("{n}"),
  })
  .refine(
    (s) => s.startsOn <= s.plenaryStartsOn && s.plenaryStartsOn <= s.plenaryEndsOn && s.plenaryEndsOn <= s.endsOn,
    { message: "startsOn <= plenaryStartsOn <= plenaryEndsOn <= endsOn", path: ["plenaryStartsOn"] },
  );
export type CreateSessionBody = z.output<typeof createSessionSchema>;
