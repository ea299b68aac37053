export { type EngineMetrics, engineMetrics, type QueueDepthSource, stateMetrics } from "./domain-metrics.ts";
export { type HealthServer, startHealthServer } from "./health-server.ts";
export { Counter, createMetrics, Gauge, Histogram, type Metrics, Registry } from "./metrics.ts";
export { type Check, type Readiness, readiness } from "./readiness.ts";
export { rebuildOnDataLoss } from "./rebuild-on-loss.ts";
export {
  type DataLossWatch,
  epochKey,
  judgeObservation,
  type LossReason,
  watchForDataLoss,
} from "./redis-data-loss.ts";
export { runService, type ServiceContext, type ServiceOptions } from "./service.ts";
export { installShutdown, type Shutdown, type ShutdownOptions } from "./shutdown.ts";
