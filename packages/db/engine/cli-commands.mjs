// `schema-engine --datasource '{"url":…}' cli <command>`: one-shot commands the CLI runs before migrate dev,
// migrate reset, db push (does the database exist? create it). The wasm engine has no such commands (and
// cannot create a database it cannot connect to), so they are done here with plain `pg`.
//
// The CLI judges them by exit code, and reads the error from stderr: it drops the FIRST stderr line and
// parses every other line as JSON, looking for an ERROR line with `error_code` and `message`.
import { databaseName, quoteIdent, runOnce, withDatabase } from "./adapter.mjs";
import { knownPgError, log } from "./protocol.mjs";

/** @type {Record<string, (url: string) => Promise<string>>} */
const COMMANDS = {
  "can-connect-to-database": async (url) => {
    await runOnce(url, "SELECT 1");
    return "Database connection successful";
  },
  // Through the maintenance database `postgres`: the target does not exist yet.
  "create-database": async (url) => {
    await runOnce(withDatabase(url, "postgres"), `CREATE DATABASE ${quoteIdent(databaseName(url))}`);
    return `Database '${databaseName(url)}' was successfully created.`;
  },
  "drop-database": async (url) => {
    await runOnce(
      withDatabase(url, "postgres"),
      `DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))} WITH (FORCE)`,
    );
    return `The database '${databaseName(url)}' was successfully dropped.`;
  },
};

/**
 * Runs one `cli` command and returns the process exit code.
 * @param {string | undefined} command
 * @param {string | undefined} url
 * @returns {Promise<number>}
 */
export async function runCliCommand(command, url) {
  // The line the CLI throws away.
  log("INFO", { message: `Starting schema engine CLI command ${command ?? "(none)"}` });
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    log("ERROR", { message: `Unknown cli command '${command}'. Known: ${Object.keys(COMMANDS).join(", ")}` });
    return 1;
  }
  if (!url) {
    log("ERROR", { message: "No datasource URL given (--datasource '{\"url\": …}')." });
    return 1;
  }
  try {
    log("INFO", { message: await run(url) });
    return 0;
  } catch (error) {
    // Known connection failures get the native engine's code (P1003 makes the CLI create the database).
    const known = knownPgError(error, url);
    if (known) log("ERROR", { message: known.message, error_code: known.code });
    else log("ERROR", { message: error instanceof Error ? error.message : String(error) });
    return 1;
  }
}
