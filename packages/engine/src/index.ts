export { type AlarmOutcome, handleAlarm, reconcileAlarms } from "./alarms.ts";
export { type ApplyInput, type ApplyResult, applyEvent, type EngineDeps } from "./apply.ts";
export { type Clock, systemClock } from "./clock.ts";
export { type CreateInput, createProposal } from "./create.ts";
export { type Effect, effectsOf } from "./effects.ts";
export { EngineError } from "./errors.ts";
export { alarmId, newProposalId } from "./ids.ts";
export { proposalWorkflow } from "./proposal-workflow.ts";
export { type EngineRebuild, rebuildEngineJobs } from "./rebuild.ts";
export { type ProposalRecord, toRecord } from "./records.ts";
export { type OutboxBacklog, outboxBacklog, type Relay, type RelayDeps, relayBatch, startRelay } from "./relay.ts";
export { WEBHOOK_TOPICS, type WebhookTopic } from "./webhook-deliveries.ts";
export {
  deliverWebhook,
  startWebhookWorker,
  type WebhookDeliveryDeps,
  WebhookDeliveryError,
  type WebhookOutcome,
  webhookSignature,
} from "./webhooks.ts";
export { type EngineWorkerOptions, type EngineWorkers, startEngineWorkers } from "./workers.ts";
export { type Actor, type Described, type Refusal, statePaths, type Workflow } from "./workflow.ts";
