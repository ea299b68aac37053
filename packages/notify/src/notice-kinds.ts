import type { DeadlineKind } from "@huiyin/domain";
// Not the package's index: the console bundles this module, and the index brings zod and every schema along.
import { NOTICE_KINDS, type NoticeKind } from "@huiyin/domain/notice-kinds";
/** Words in each language the notifier writes (directory.ts's `LANGUAGES`). */
export interface Wording {
  "zh-CN": string;
  en: string;
}

/**
 * What the notifier does with each notice kind (`@huiyin/domain`'s `NOTICE_KINDS`). The table is exhaustive: a
 * kind added to the domain does not compile until it says here whether people get it by e-mail unless they chose
 * otherwise, what its messages are called and what their first line says, in every language.
 */
export interface NoticeKindRule {
  /** The default channels include e-mail (a person's own choice in `Person.channels` overrides them). */
  emailByDefault: boolean;
  /** The name in a message's subject (never the raw kind: people read it). */
  name: Wording;
  /** The message's opening sentence: what happened and what, if anything, the reader is to do. */
  summary: Wording;
}

const rule = (emailByDefault: boolean, name: Wording, summary: Wording): NoticeKindRule => ({
  emailByDefault,
  name,
  summary,
});
const deadline = (name: Wording, summary: Wording) => rule(true, name, summary);
const inApp = (name: Wording, summary: Wording) => rule(false, name, summary);

export const NOTICE_KIND_RULES: Record<NoticeKind, NoticeKindRule> = {
  "deadline.reminder": deadline(
    { "zh-CN": "办理提醒", en: "Reminder" },
    { "zh-CN": "以下期限即将届满，请按时办理。", en: "A deadline is coming up; please act in time." },
  ),
  "deadline.due": deadline(
    { "zh-CN": "到期通知", en: "Due now" },
    { "zh-CN": "以下期限已届满，请尽快办理。", en: "A deadline is due now; please act without delay." },
  ),
  "deadline.escalation": deadline(
    { "zh-CN": "逾期督办", en: "Escalation" },
    {
      "zh-CN": "承办工作已逾期，请督促办理。",
      en: "A handling deadline has passed; please see that the work is done.",
    },
  ),
  "proposal.submitted": inApp(
    { "zh-CN": "新提案待审查", en: "New proposal to review" },
    { "zh-CN": "有一件提案已提交，请审查并决定是否立案。", en: "A proposal was submitted; please review it." },
  ),
  "proposal.registered": inApp(
    { "zh-CN": "提案已立案", en: "Proposal registered" },
    {
      "zh-CN": "您的提案经审查已立案，将交有关单位办理。",
      en: "Your proposal has been registered and will be passed to the units that handle it.",
    },
  ),
  "proposal.returned": inApp(
    { "zh-CN": "提案退回修改", en: "Proposal returned for revision" },
    {
      "zh-CN": "您的提案已退回修改，请按说明修改后在期限内重新提交。",
      en: "Your proposal was returned for revision; please revise and resubmit it in time.",
    },
  ),
  "proposal.rejected": inApp(
    { "zh-CN": "提案不予立案", en: "Proposal not registered" },
    { "zh-CN": "您的提案经审查不予立案，理由见说明。", en: "Your proposal was not registered; the reason follows." },
  ),
  "proposal.converted": inApp(
    { "zh-CN": "提案转为其他方式处理", en: "Proposal converted" },
    {
      "zh-CN": "您的提案经审查未立案，转为其他方式处理，见说明。",
      en: "Your proposal was not registered but passed on in another form, named below.",
    },
  ),
  "proposal.merged": inApp(
    { "zh-CN": "提案已并案", en: "Proposal merged" },
    {
      "zh-CN": "您的提案已与同一事项的提案并案办理，见说明。",
      en: "Your proposal was merged into a proposal on the same matter, named below.",
    },
  ),
  "proposal.assigned": inApp(
    { "zh-CN": "提案交办通知", en: "Proposal assigned" },
    {
      "zh-CN": "一件提案已交贵单位办理，请确认承办，如不属本单位职责请在异议期内提出。",
      en: "A proposal was assigned to your unit; please acknowledge it, or object in time if it is not yours.",
    },
  ),
  "assignment.announced": inApp(
    { "zh-CN": "提案已交办", en: "Proposal assigned to handling units" },
    {
      "zh-CN": "您的提案已交下列单位办理，承办单位将在办理前与您联系。",
      en: "Your proposal was assigned to the units below, which will contact you before handling it.",
    },
  ),
  "assignment.objected": inApp(
    { "zh-CN": "承办单位对交办提出异议", en: "Assignment objected to" },
    {
      "zh-CN": "承办单位认为提案不属本单位职责，请审核并重新交办。",
      en: "A unit objected that the proposal is not its own; please review and reassign.",
    },
  ),
  "key.designated": inApp(
    { "zh-CN": "重点提案领办", en: "Key proposal" },
    {
      "zh-CN": "一件提案已确定为重点提案，由您领办或督办。",
      en: "A proposal was made a key proposal, led or supervised by you.",
    },
  ),
  "coOpinion.received": inApp(
    { "zh-CN": "会办意见已送达", en: "Co-handling opinion received" },
    { "zh-CN": "会办单位已提交会办意见，请在答复中统筹考虑。", en: "A co-handling unit sent its opinion." },
  ),
  "extension.requested": inApp(
    { "zh-CN": "延期答复申请", en: "Extension requested" },
    {
      "zh-CN": "承办单位申请延期答复，请审批。",
      en: "A handling unit asked for more time to reply; please decide.",
    },
  ),
  "extension.decided": inApp(
    { "zh-CN": "延期申请审批结果", en: "Extension decided" },
    { "zh-CN": "贵单位的延期答复申请已审批，结果见说明。", en: "Your unit's extension request was decided." },
  ),
  "reply.received": inApp(
    { "zh-CN": "答复待审核", en: "Reply to check" },
    {
      "zh-CN": "承办单位已提交答复，请审核后再送提案者。",
      en: "A handling unit replied; please check the reply before it goes to the proposers.",
    },
  ),
  "reply.returned": inApp(
    { "zh-CN": "答复退回重办", en: "Reply returned" },
    {
      "zh-CN": "贵单位的答复经审核退回，请重新办理并再次答复。",
      en: "Your unit's reply was returned; please handle the proposal again and reply.",
    },
  ),
  "reply.released": inApp(
    { "zh-CN": "提案答复", en: "Reply to your proposal" },
    {
      "zh-CN": "您的提案已收到承办单位的答复（已经提案委员会审核），请对办理情况进行满意度测评。",
      en: "The handling units' reply to your proposal, checked by the committee, follows; please evaluate it.",
    },
  ),
  "rehandle.requested": inApp(
    { "zh-CN": "重新办理通知", en: "Handle again" },
    { "zh-CN": "请重新办理提案并再次答复。", en: "Please handle the proposal again and reply." },
  ),
  "followUp.reported": inApp(
    { "zh-CN": "落实情况报告", en: "Follow-up reported" },
    { "zh-CN": "承办单位报告了答复事项的落实情况。", en: "A handling unit reported on the follow-up of its reply." },
  ),
  "tracking.closed": inApp(
    { "zh-CN": "跟踪落实结束", en: "Tracking closed" },
    {
      "zh-CN": "提案委员会已结束对贵单位答复事项的跟踪落实，理由见说明。",
      en: "The committee closed the tracking of your unit's reply; the reason follows.",
    },
  ),
  "assignment.changed": inApp(
    { "zh-CN": "承办单位调整", en: "Assignment changed" },
    {
      "zh-CN": "提案委员会调整了承办单位，贵单位不再承办此件提案，理由见说明。",
      en: "The committee changed the handling units: your unit no longer handles this proposal; the reason follows.",
    },
  ),
  "consultation.required": inApp(
    { "zh-CN": "需面对面协商", en: "Consultation required" },
    {
      "zh-CN": "提案者对办理结果再次表示不满意，请安排与提案者面对面协商，并在办结前记录协商情况。",
      en: "The proposers are again unsatisfied; please arrange a face-to-face consultation and record it before closing.",
    },
  ),
  "consultation.arranged": inApp(
    { "zh-CN": "面对面协商安排", en: "Consultation arranged" },
    {
      "zh-CN": "提案办理面对面协商已安排，时间和地点见说明。",
      en: "A face-to-face consultation on the proposal was arranged; the time and place follow.",
    },
  ),
  "consultation.recorded": inApp(
    { "zh-CN": "面对面协商情况", en: "Consultation recorded" },
    {
      "zh-CN": "提案办理面对面协商已举行，协商情况见说明。",
      en: "The face-to-face consultation on the proposal was held; what was agreed follows.",
    },
  ),
  "lookback.reportRequested": inApp(
    { "zh-CN": "回头看情况报告", en: "Report for a follow-up review" },
    {
      "zh-CN": "提案办理回头看需要贵单位报告答复事项的落实情况，请在期限内报告。",
      en: "A follow-up review asks your unit to report on what its reply promised; please report in time.",
    },
  ),
  "lookback.reported": inApp(
    { "zh-CN": "回头看情况已报告", en: "Follow-up review report" },
    {
      "zh-CN": "承办单位已报告回头看所要求的落实情况。",
      en: "A handling unit reported to the follow-up review.",
    },
  ),
};

/**
 * The deadlines of the committee office's own work (reviewing a proposal, checking a reply): when they run late the
 * office is reminded and urged (超期提醒、催办), which is not the supervision of a handling unit's late work (逾期督办).
 */
export const COMMITTEE_DEADLINE_KINDS: ReadonlySet<DeadlineKind | string> = new Set<DeadlineKind>([
  "review",
  "check",
  "consultation",
]);

/** The escalation of a committee deadline: a reminder that urges the office, by name and first line. */
export const COMMITTEE_ESCALATION: { name: Wording; summary: Wording } = {
  name: { "zh-CN": "超期催办", en: "Overdue reminder" },
  summary: {
    "zh-CN": "本办的以下工作已超期，请尽快办理。",
    en: "The committee office's own work below is overdue; please see to it.",
  },
};

/** The daily digest's kind, as people's channel choices name it: not a notice, but chosen like one. */
export const DIGEST_KIND = "digest";

/** The kind of a stored notice, when it is one the domain defines (rows are text; a foreign one stays as it is). */
export function noticeKindOf(value: string): NoticeKind | undefined {
  return (NOTICE_KINDS as readonly string[]).includes(value) ? (value as NoticeKind) : undefined;
}
