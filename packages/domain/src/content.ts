import { z } from "zod";
import { type Refusal, refusal } from "./refusals.ts";

/**
 * The text of a proposal. A draft may be incomplete; `checkContent` decides whether it may be submitted.
 * `suggestions` is a list because a reply must answer each suggestion.
 */
export const proposalContentSchema = z.strictObject({
  /** 案由 */
  title: z.string(),
  /** 理由 */
  reasons: z.string(),
  /** 办法 / 建议, one entry per concrete suggestion. */
  suggestions: z.array(z.string()),
  /** economy, livelihood (民生), environment, education, ... (free text: categories differ per committee). */
  category: z.string(),
});
export type ProposalContent = z.infer<typeof proposalContentSchema>;

/** The proposers of a proposal: one for an individual proposal, several for a joint one (联名), lead first. */
export const proposerSchema = z.strictObject({ id: z.string().min(1), name: z.string().optional() });
export type Proposer = z.infer<typeof proposerSchema>;

// A title that lists matters ("一是…二是…", "1、… 2、…", or clauses separated by semicolons) may hold more than one.
// It may also be one matter written at length: the machine cannot tell, staff can. So these are warnings for the
// review (一事一案 is staff's judgement at registration), never a refusal.
const SEVERAL_MATTERS = [
  /[;；]/,
  /[一二三四五六七八九十]是.*[二三四五六七八九十]是/,
  /(^|\s)[1-9][、.．)）].*[2-9][、.．)）]/,
];

/**
 * The checks of completeness and of the title's length that a machine can make before submission (whether the
 * matter is within the committee's remit, a personal grievance, a secret or several matters is for staff to judge
 * at review: see `contentWarnings`). Returns the first problem found.
 */
export function checkContent(content: ProposalContent, titleMaxLength: number): Refusal | undefined {
  const missing = [
    content.title.trim() === "" && "title",
    content.reasons.trim() === "" && "reasons",
    content.category.trim() === "" && "category",
    !content.suggestions.some((s) => s.trim() !== "") && "suggestions",
  ].filter(Boolean);
  if (missing.length > 0) return refusal("CONTENT_INCOMPLETE", `missing: ${missing.join(", ")}`);
  if (content.suggestions.some((s) => s.trim() === "")) {
    return refusal("CONTENT_INCOMPLETE", "a suggestion is empty");
  }
  if (content.title.trim().length > titleMaxLength) {
    return refusal(
      "TITLE_TOO_LONG",
      `the title is longer than ${titleMaxLength} characters; say the one matter briefly`,
    );
  }
  return undefined;
}

/** What staff should look at when they review a proposal's content: a stable code and a sentence each. */
export interface ContentWarning {
  code: "SEVERAL_MATTERS";
  message: string;
}

/** Warnings of the content for the review: a title that reads like several matters (一事一案). */
export function contentWarnings(content: Pick<ProposalContent, "title">): ContentWarning[] {
  return SEVERAL_MATTERS.some((re) => re.test(content.title))
    ? [
        {
          code: "SEVERAL_MATTERS",
          message: "the title may list several matters: check 一事一案 at review (return or split if so)",
        },
      ]
    : [];
}
