/**
 * A notification channel beyond the inbox and e-mail (issue 17): something that takes one short message to one
 * recipient and says how it went. The adapters (`sms.ts`, `wecom.ts`, `dingtalk.ts`) are pure translations of that
 * onto one HTTPS POST; what is sent when, to whom, and how often it is retried lives in `plan.ts` and `worker.ts`.
 */

/** The channels of this folder, as `notice_deliveries.channel` names them. */
export const ROBOT_KINDS = ["wecom", "dingtalk"] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export type ChannelName = "sms" | RobotKind;

/** One notice as the short channels show it. */
export interface ChannelMessage {
  /** The notice's id: the SMS gateway's idempotency reference (with the phone), so a re-sent request can be matched. */
  reference: string;
  /** A heading: the notice's kind and the proposal's number (`逾期督办：提案 2026-0012`). */
  title: string;
  /** The SMS body: one segment, the console link included (`smsText`). */
  sms: string;
  /** The robot's markdown: title, facts, the console link. */
  markdown: string;
  /** The proposal's page in the console. */
  link: string;
}

/**
 * How one send went:
 * - `delivered`: the gateway or robot took it;
 * - `retryable`: a failure that may pass (network, timeout, 5xx, 429, a robot's "busy" or rate-limit errcode);
 * - `permanent`: one no retry changes (a refused destination, a bad key, a robot that no longer exists).
 * `reason` goes into the delivery row and the logs: it never holds a URL, a key or a phone number.
 */
export type SendResult =
  | { status: "delivered" }
  | { status: "retryable"; reason: string }
  | { status: "permanent"; reason: string };

export interface ChannelAdapter<Recipient> {
  readonly channel: ChannelName;
  send(message: ChannelMessage, recipient: Recipient): Promise<SendResult>;
}

/** A robot as its adapter needs it: the webhook URL and, for a signed DingTalk robot, its secret (both opened). */
export interface RobotRecipient {
  url: string;
  secret?: string | null;
}

/** A person's phone number for the SMS gateway. */
export interface SmsRecipient {
  phone: string;
}

/** A phone number as logs and errors may show it: its last four digits. */
export function maskedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `***${digits.slice(-4)}`;
}
