export { type HealthServer, startHealthServer } from "./health-server.ts";
export { type Check, type Readiness, readiness } from "./readiness.ts";
export { runService, type ServiceContext, type ServiceOptions } from "./service.ts";
export { installShutdown, type Shutdown, type ShutdownOptions } from "./shutdown.ts";
