export { type AppDependencies, createApp } from "./app.ts";
export { s3Store } from "./attachments/s3-store.ts";
export { type AttachmentStore, directoryStore } from "./attachments/store.ts";
export { type AdminKeyOutcome, type AdminKeySource, ensureAdminKey } from "./auth/bootstrap.ts";
export { PEOPLE_DEFAULTS, type PeopleOptions } from "./auth/people-options.ts";
export { ERROR_CODES } from "./http/error-codes.ts";
export { type RateDecision, type RateLimiter, redisRateLimiter } from "./http/rate-limit.ts";
export { openApiDocument } from "./openapi.ts";
