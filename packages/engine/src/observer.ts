/**
 * What the engine tells about its work, for metrics: a port the services fill (with prom-client, in
 * packages/runtime) and tests may fill with a recorder. Called after the fact, never inside a transaction's
 * critical path, and must not throw. Every argument is from a bounded set (event types of the vocabulary,
 * outcomes, alarm kinds, escalation levels): never a proposal id.
 */
export interface EngineObserver {
  /**
   * One `applyEvent`: the event's type, how it ended (`applied`, `duplicate`, `stale`, `refused` for a refusal of
   * the machine or the request, `error` for anything else) and how long it took, lock and transaction included.
   */
  transition(event: string, outcome: string, seconds: number): void;
  /**
   * One ringing alarm that was acted on (not one that waited for an earlier alarm or found itself handled): its
   * kind (`remind`, `due`, `escalate`), escalation level, outcome (`applied`, `stale`, `suppressed`, `duplicate`)
   * and how late it was acted on after its fire time (negative if early).
   */
  alarm(kind: string, level: number, outcome: string, latenessSeconds: number): void;
}
