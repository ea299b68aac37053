import { z } from "zod";

/**
 * A policy duration in one of the three units the rules use: calendar days ("10 days"), working days per the
 * business calendar ("15 working days") or calendar months ("3 months"). Exactly one key.
 */
export const durationSchema = z.union([
  z.strictObject({ days: z.number().int().min(0) }),
  z.strictObject({ workingDays: z.number().int().min(0) }),
  z.strictObject({ months: z.number().int().min(0) }),
]);
export type Duration = z.infer<typeof durationSchema>;

export const days = (n: number): Duration => ({ days: n });
export const workingDays = (n: number): Duration => ({ workingDays: n });
export const months = (n: number): Duration => ({ months: n });

export function isZeroDuration(d: Duration): boolean {
  return ("days" in d ? d.days : "workingDays" in d ? d.workingDays : d.months) === 0;
}
