// The driver adapter the wasm schema engine talks to PostgreSQL through: @prisma/adapter-pg 7.10.1, with
// its bugs worked around. Each workaround names the bug; drop it when adapter-pg fixes that bug.
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

/** PostgreSQL's internal single-byte `"char"` type and plain `text`. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * @typedef {{ url: string, shadowDatabaseUrl?: string | undefined }} Datasource
 * @typedef {{ url?: string | undefined, shadowDatabaseUrl?: string | undefined }} DatasourceArg
 * @typedef {{ performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }> }} PerformsIO
 */

/**
 * The URL with another database name; query parameters (host=/socket/dir, sslmode, …) are kept.
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** @param {string} url */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/**
 * @param {string} a
 * @param {string} b
 */
function sameDatabase(a, b) {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && databaseName(a) === databaseName(b);
}

/** @param {string} name */
export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * pg connection settings for `url`. Bug 1 of adapter-pg: its shadow pool is `{...config, database: tmp}`,
 * but pg lets `connectionString` override `database`, so migrations were replayed on the MAIN database.
 * We therefore always build pool configs from a URL that itself names the intended database.
 * Prisma's own `?schema=` parameter is not a pg setting: it goes to the adapter as its schema option.
 * @param {string} url
 */
function adapterArgs(url) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  return { poolConfig: { connectionString: url, max: 4 }, options: schema ? { schema } : undefined };
}

/**
 * Bug 3 of adapter-pg: it has no column type for `"char"` (OID 18), which PostgreSQL's catalogs use
 * (pg_class.relkind, pg_constraint.contype, …), so every schema inspection failed with "Column type 'char'
 * could not be deserialized". Its text form is a plain string, so we report it as `text`.
 * The patch sits on `performIO`, the one method through which adapter-pg 7.10.1 runs every query, on
 * connections and on the transactions they start.
 * @template {object} T
 * @param {T} queryable
 * @returns {T}
 */
function reportCharAsText(queryable) {
  const target = /** @type {T & PerformsIO} */ (queryable);
  if (typeof target.performIO !== "function") {
    throw new Error("@prisma/adapter-pg internals changed (no performIO): re-check engine/adapter.mjs workarounds");
  }
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    return result;
  };
  return queryable;
}

/**
 * Patches a connection from adapter-pg: the "char" fix on it and on its transactions, and whole-script
 * execution. adapter-pg's `executeScript` splits on every ";" (breaking `DO $$ … ; … $$`, functions and
 * string literals) and sends each piece to any connection of the pool. The native engine sends a migration
 * as one simple-protocol query on one connection; we do the same.
 * @param {any} adapter a PrismaPgAdapter
 */
function patchConnection(adapter) {
  reportCharAsText(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (/** @type {unknown[]} */ ...args) =>
    reportCharAsText(await startTransaction(...args));
  adapter.executeScript = async (/** @type {string} */ script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/**
 * Runs `sql` on its own short-lived connection (CREATE/DROP DATABASE cannot run in a transaction or on a
 * connection to the database being dropped).
 * @param {string} url
 * @param {string} sql
 */
export async function runOnce(url, sql) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Connects to a shadow database the user configured (`shadowDatabaseUrl`) and empties it first, as the
 * native engine does: the engine replays the whole migration history into it.
 * @param {Datasource & { shadowDatabaseUrl: string }} datasource
 */
async function connectToConfiguredShadowDb(datasource) {
  if (sameDatabase(datasource.shadowDatabaseUrl, datasource.url)) {
    throw new Error("The shadow database you configured is the main database: refusing to empty it.");
  }
  await runOnce(
    datasource.shadowDatabaseUrl,
    `DO $$ DECLARE s record; BEGIN
       FOR s IN SELECT nspname FROM pg_namespace
                 WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
         EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
       END LOOP;
       CREATE SCHEMA public;
     END $$`,
  );
  const { poolConfig, options } = adapterArgs(datasource.shadowDatabaseUrl);
  return patchConnection(await new PrismaPg(poolConfig, options).connect());
}

/**
 * Creates a throw-away shadow database next to the main one and drops it when the engine disposes of it.
 * Bug 2 of adapter-pg: it dropped the database before closing the pool that still used it ("being accessed
 * by other users"). We close the pool first, then `DROP DATABASE … WITH (FORCE)` (PostgreSQL 13+).
 * @param {string} url the main database
 */
async function connectToTemporaryShadowDb(url) {
  const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
  await runOnce(url, `CREATE DATABASE ${quoteIdent(name)}`);
  const { poolConfig, options } = adapterArgs(withDatabase(url, name));
  const adapter = patchConnection(await new PrismaPg(poolConfig, options).connect());
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await runOnce(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  };
  return adapter;
}

/**
 * The migration-aware adapter factory for `SchemaEngine.new`, bound the way the engine requires
 * (a bare PrismaPg fails inside the engine with "reading 'externalPool'").
 * Without a url (the CLI also starts the engine for schema-only work) any attempt to reach a database
 * fails with a message that says what to set.
 * @param {DatasourceArg} datasource
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const noUrl = async () => {
    throw new Error("No datasource url: set DATABASE_URL (prisma.config.ts reads it).");
  };
  const main = url ? new PrismaPg(adapterArgs(url).poolConfig, adapterArgs(url).options) : undefined;
  return bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => (main ? patchConnection(await main.connect()) : noUrl()),
    connectToShadowDb: async () => {
      if (!url) return noUrl();
      return shadowDatabaseUrl
        ? connectToConfiguredShadowDb({ url, shadowDatabaseUrl })
        : connectToTemporaryShadowDb(url);
    },
  });
}
