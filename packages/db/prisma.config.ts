import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The Prisma 7 CLI needs a native `schema-engine` for generate, validate, format, migrate and db, and
// downloads it from a host this project's machines cannot reach. Unless the user points
// PRISMA_SCHEMA_ENGINE_BINARY at a native engine of their own (which then wins), use our stand-in:
// engine/schema-engine.mjs, Prisma's WebAssembly schema engine behind the same stdio protocol.
// The config is loaded before the CLI looks for the engine, so setting the variable here is enough.
// `||=` rather than `??=`: an empty value is no engine at all, and would send the CLI back to downloading.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(new URL("./engine/schema-engine.mjs", import.meta.url));

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Read from the environment (Prisma 7 loads no .env file). Not `env("DATABASE_URL")`: that throws when
    // unset, and `prisma generate`/`validate`/`format` need no database.
    url: process.env.DATABASE_URL,
    // Optional: without it, migrate dev creates and drops a temporary shadow database next to the main one.
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
