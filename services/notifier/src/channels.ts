/**
 * The channels beyond the inbox and e-mail (issue 17), one module per concern under `channels/`:
 * - `adapter.ts`: the adapter interface (send one message to one recipient → delivered | retryable | permanent);
 * - `https.ts`: the one HTTPS POST every adapter makes, where the outbound policy allows, TLS verified;
 * - `sms.ts`, `wecom.ts`, `dingtalk.ts`: an SMS gateway, 企业微信/政务微信 and 钉钉 group robots;
 * - `message.ts`: what a notice says on a phone (a one-segment SMS head, robot markdown);
 * - `robots.ts`: the robots of units, leaders and the office, sealed at rest, and which groups a notice is for;
 * - `plan.ts`: who gets a notice on which channel, one reserved `notice_deliveries` row each;
 * - `queue.ts`, `worker.ts`: one job per (notice, channel, recipient), sent at least once and tracked by its row.
 */

export {
  type ChannelAdapter,
  type ChannelMessage,
  type ChannelName,
  maskedPhone,
  ROBOT_KINDS,
  type RobotKind,
  type RobotRecipient,
  type SendResult,
  type SmsRecipient,
} from "./channels/adapter.ts";
export { dingtalkAdapter, dingtalkSign, signedDingtalkUrl } from "./channels/dingtalk.ts";
export { type HttpsSettings, postJson } from "./channels/https.ts";
export { channelMessage, SMS_SEGMENT_CHARS, smsSegments } from "./channels/message.ts";
export { CHANNELS, type ChannelJob, type ChannelRouting, planChannels } from "./channels/plan.ts";
export { channelJobOptions, enqueueChannelJobs } from "./channels/queue.ts";
export {
  isRobotKind,
  isRobotTarget,
  openRobot,
  type RobotSettings,
  type RobotTarget,
  robotRecipient,
  robotTargetsOf,
  saveRobot,
} from "./channels/robots.ts";
export { type SmsGateway, smsAdapter, smsSignature } from "./channels/sms.ts";
export { wecomAdapter } from "./channels/wecom.ts";
export {
  type ChannelAdapters,
  type ChannelOutcome,
  type ChannelSendContext,
  sendOnChannel,
  startChannelWorker,
} from "./channels/worker.ts";
