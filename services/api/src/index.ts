export { type AppDependencies, createApp } from "./app.ts";
export { type AdminKeyOutcome, type AdminKeySource, ensureAdminKey } from "./auth/bootstrap.ts";
