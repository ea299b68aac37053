export { type HealthServer, startHealthServer } from "./health-server.ts";
export { type Check, type Readiness, readiness } from "./readiness.ts";
export { installShutdown, type Shutdown, type ShutdownOptions } from "./shutdown.ts";
