export {
  EMBEDDED_POSTGRES_MAJOR,
  EMBEDDED_POSTGRES_VERSION,
  embeddedPostgresBin,
  embeddedPostgresPackage,
} from "./embedded-postgres.ts";
export { SetupError } from "./errors.ts";
export { type LocalInfrastructure, type LocalInfrastructureOptions, startLocalInfrastructure } from "./local.ts";
export { dataDir, repoRoot } from "./paths.ts";
export { freePort } from "./ports.ts";
export { type PostgresServer, type PostgresSource, startPostgres } from "./postgres.ts";
export { runPrisma } from "./prisma.ts";
export { exitOf, isAlive, stopChild, waitUntil } from "./process.ts";
export { type RedisServer, startRedis } from "./redis.ts";
export { localSecret } from "./secrets.ts";
