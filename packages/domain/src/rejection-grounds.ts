/**
 * The grounds for not registering a proposal (不予立案), as the regulations list them: staff name one when they
 * reject (`review.reject`'s `ground`), the reason says more, and the statistics count rejections by ground. `other`
 * is for a ground the list does not name (the reason says which).
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

/** What each ground means, in the words of the regulations (zh-CN) and in English. */
export const REJECTION_GROUND_TEXTS: Record<RejectionGround, { "zh-CN": string; en: string }> = {
  "outside-remit": {
    "zh-CN": "不属于政协职能或提案受理范围",
    en: "outside the committee's remit or the scope of proposals",
  },
  "private-matter": { "zh-CN": "属于个人或私人事务", en: "a personal or private matter" },
  litigation: { "zh-CN": "涉及已进入诉讼、仲裁或检察程序的事项", en: "a matter before a court or under prosecution" },
  "state-secret": { "zh-CN": "涉及国家秘密", en: "involving state secrets" },
  duplicate: { "zh-CN": "与已立案提案内容重复", en: "a duplicate of a registered proposal" },
  "no-suggestion": { "zh-CN": "缺乏具体建议", en: "lacking concrete suggestions" },
  "several-matters": { "zh-CN": "一案多事", en: "several matters in one proposal" },
  "unverified-facts": { "zh-CN": "情况不实或未经调查研究", en: "unverified facts" },
  advertising: { "zh-CN": "具有广告或宣传性质", en: "advertising or promotion" },
  other: { "zh-CN": "其他不予立案的情形", en: "another ground (the reason says which)" },
};
