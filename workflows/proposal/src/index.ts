export type { ProposalEvent, ProposalEventOf, ProposalEventType } from "@huiyin/domain";
export type {
  Assignment,
  ClosureReason,
  OpenDeadline,
  Part,
  ProposalContext,
  ProposalInput,
  Reply,
} from "./context.ts";
export { PROPOSAL_MACHINE_VERSION } from "./context.ts";
export {
  allStates,
  exportDefinition,
  type MachineDefinition,
  type StateDefinition,
  type TransitionDefinition,
  toMermaid,
} from "./definition.ts";
export {
  type Audience,
  acceptedReplies,
  disclose,
  type HistoryEntryFacts,
  leadUnitOf,
  maySeePayload,
  type Viewer,
} from "./disclosure.ts";
export * from "./effects.ts";
export { proposalWorkflow } from "./engine-binding.ts";
export { type ProposalMachine, proposalMachine, STAGES, type Stage, type StateMeta } from "./machine.ts";
export {
  type DeadlineChange,
  type MigrationReport,
  type ProposalMigration,
  planProblems,
  planProposalMigration,
  proposalMigrator,
  UNMAPPABLE_REASONS,
  type UnmappableReason,
} from "./migration.ts";
export { allowedEvents, checkEvent, openDeadlines, type ProposalSnapshot, stageOf, stateOf } from "./queries.ts";
