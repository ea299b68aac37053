/**
 * The grounds for not registering a proposal (不予立案), as the regulations list them: staff name one when they
 * reject (`review.reject`'s `ground`), the reason says more, and the statistics count rejections by ground. `other`
 * is for a ground the list does not name (the reason says which). People read them in the console's catalogs
 * (`value.<ground>`, zh-CN and en).
 */
export const REJECTION_GROUNDS = [
  "outside-remit",
  "private-matter",
  "litigation",
  "state-secret",
  "duplicate",
  "no-suggestion",
  "several-matters",
  "unverified-facts",
  "advertising",
  "other",
] as const;
export type RejectionGround = (typeof REJECTION_GROUNDS)[number];
