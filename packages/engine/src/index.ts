/** The port's actor is the domain's: re-exported for the engine's callers. */
export type { Actor } from "@huiyin/domain";
export { type AlarmOutcome, handleAlarm, reconcileAlarms } from "./alarms.ts";
export {
  type ApplyInput,
  type ApplyResult,
  applyEvent,
  type EngineDeps,
  type EventFacts,
  type GroupCommit,
} from "./apply.ts";
export {
  type PlannedCorrection,
  planCalendarChange,
  type RolloutMemory,
  type RolloutReport,
  rollOutCalendar,
  rollOutCalendars,
} from "./calendar-rollout.ts";
export { type Clock, systemClock } from "./clock.ts";
export { type CreateInput, createProposal, creatorOf } from "./create.ts";
export { type Effect, effectsOf } from "./effects.ts";
export { EngineError } from "./errors.ts";
export { createGroupCommit, type GroupCommitOptions } from "./group-commit.ts";
export { alarmId, newProposalId } from "./ids.ts";
export { machineStart, machineStep } from "./machine-step.ts";
export {
  MIGRATION_ACTOR,
  MIGRATION_OUTCOMES,
  type MigrationAssessment,
  type MigrationDeps,
  type MigrationOutcome,
  type MigrationProgress,
  type Migrator,
  migrationItems,
  migrationKey,
  migrationProgress,
  type RunOptions,
  runMigration,
  type StartRunInput,
  startMigrationRun,
} from "./migrate.ts";
export {
  openNoticeRobot,
  type SealedNoticeRobot,
  sealNoticeRobot,
  shownRobotUrl,
} from "./notice-robots.ts";
export type { EngineObserver } from "./observer.ts";
export {
  type AddressClass,
  type AllowList,
  classifyAddress,
  mayConnect,
  NOTHING_ALLOWED,
} from "./outbound-policy.ts";
export { persistedSnapshot } from "./persisted.ts";
export { type EngineRebuild, rebuildEngineJobs } from "./rebuild.ts";
export { fromRecord, type ProposalRecord, toRecord } from "./records.ts";
export { type OutboxBacklog, outboxBacklog, type Relay, type RelayDeps, relayBatch, startRelay } from "./relay.ts";
export {
  additionsOf,
  type CalendarChange,
  calendarAdditionsOf,
  calendarChanges,
  currentPolicy,
  DEFAULT_COMMITTEE,
  type PolicyVersion,
  policyVersions,
  recordCalendarChange,
  savePolicyVersion,
} from "./rules-store.ts";
export { type Keyring, type MasterKey, openSecret, SecretBoxError, sealSecret } from "./secret-box.ts";
export { readProposalRow } from "./sql.ts";
export { disclosedFields, INTEGRATOR_FIELDS, WEBHOOK_TOPICS, type WebhookTopic } from "./webhook-deliveries.ts";
export {
  type DestinationPolicy,
  type Resolver,
  systemResolver,
  type Vetted,
  vetDestination,
} from "./webhook-destination.ts";
export { nextAttemptAfter, WEBHOOK_RETRY_DELAYS_MS } from "./webhook-retries.ts";
export {
  newWebhookSecret,
  type ResealReport,
  resealWebhookSecrets,
  webhookSecretOf,
  webhookSecretsOf,
} from "./webhook-secrets.ts";
export {
  huiyinSignature,
  signedWebhookHeaders,
  standardWebhookKey,
  standardWebhookSignature,
  webhookSignature,
} from "./webhook-signing.ts";
export {
  DELIVERY_PROBLEMS,
  deliverWebhook,
  pingWebhook,
  redeliverWebhook,
  startWebhookWorker,
  type WebhookAttempt,
  type WebhookDeliveryDeps,
  type WebhookOutcome,
} from "./webhooks.ts";
export {
  DEFAULT_ALARM_CONCURRENCY,
  type EngineWorkerOptions,
  type EngineWorkers,
  startEngineWorkers,
} from "./workers.ts";
export type { Described, Refusal, Workflow } from "./workflow.ts";
export { alarmsOf, type DeadlineSchedule } from "./write-effects.ts";
