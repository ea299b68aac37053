import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parseArgs } from "node:util";
import { ConfigError, parseCliConfig, shownConfiguration } from "@huiyin/config";
import { type ApiClient, apiClient, CliError } from "./api-client.ts";
import { withEnvFile } from "./env-file.ts";

export const USAGE = `huiyin: what operators do by hand, over the api with the admin key.

  huiyin keys create --role <role> --actor <id> [--unit <unit id>] [--name <label>]
                                     issue an API key (admin, staff, unit, leader, proposer, integrator);
                                     the key is printed once
  huiyin keys list                   the keys, without their secrets
  huiyin calendar                    the holiday calendar's years and its coverage (exit 1 when a gap or a
                                     provisional year within 12 months needs loading)
  huiyin config                      the services' configuration variables as this environment sets them
                                     (secrets shown as set or unset, never their values)
  huiyin import directory <file.csv|file.xlsx> [--dry-run]
  huiyin import proposals <file.csv|file.xlsx> [--dry-run]
  huiyin export <proposals|assignments|compilation|stats> [--format csv|xlsx|html] [--out <file>]
                [--query <name>=<value>]...   e.g. --query sessionId=s-2027 --query unitId=water

Options for every command: --env-file <file> (default: .env in this folder, when there is one; the
environment wins over the file). The api: HUIYIN_API_URL (default http://127.0.0.1:3000); the key:
HUIYIN_ADMIN_KEY, or the file HUIYIN_ADMIN_KEY_FILE (default .huiyin/secrets/admin-api-key).`;

const EXPORTS = ["proposals", "assignments", "compilation", "stats"] as const;
const SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** Runs one command; its exit code (0 done, 1 refused or failed, 2 misused or not configured). */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Io = processIo,
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        "env-file": { type: "string" },
        role: { type: "string" },
        actor: { type: "string" },
        unit: { type: "string" },
        name: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        format: { type: "string", default: "csv" },
        out: { type: "string" },
        query: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const [command, sub, argument] = positionals;
    if (values.help || !command) {
      io.out(`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    const environment = withEnvFile(env, { file: values["env-file"], cwd: io.cwd });
    if (command === "config") return showConfig(environment, io);
    const api = apiClient(parseCliConfig(environment));
    if (command === "keys" && sub === "create") {
      if (!values.role || !values.actor) throw new CliError("keys create needs --role and --actor.", 2);
      const answer = await api.request("POST", "/v1/api-keys", {
        body: {
          role: values.role,
          actorId: values.actor,
          ...(values.unit ? { unitId: values.unit } : {}),
          ...(values.name ? { name: values.name } : {}),
        },
      });
      const key = (await answer.json()) as { id: string; prefix: string; role: string; key: string };
      io.err(`Issued ${key.role} key ${key.prefix} (id ${key.id}); it is shown this once:\n`);
      io.out(`${key.key}\n`);
      return 0;
    }
    if (command === "keys" && sub === "list") {
      const answer = (await (await api.request("GET", "/v1/api-keys")).json()) as { items: Record<string, unknown>[] };
      for (const key of answer.items) {
        const scope = key.unitId ? ` unit ${key.unitId}` : "";
        const state = key.revokedAt ? "revoked" : "active";
        io.out(`${key.prefix}  ${String(key.role).padEnd(10)} ${key.actorId}${scope}  ${state}  ${key.name ?? ""}\n`);
      }
      return 0;
    }
    if (command === "calendar") return await showCalendar(api, io);
    if (command === "import" && (sub === "directory" || sub === "proposals")) {
      if (!argument) throw new CliError(`import ${sub} needs a file (.csv or .xlsx).`, 2);
      return await importFile(api, io, sub, path.resolve(io.cwd, argument), values["dry-run"]);
    }
    if (command === "export" && EXPORTS.includes(sub as (typeof EXPORTS)[number])) {
      const query = new URLSearchParams({ format: values.format });
      for (const pair of values.query) {
        const equals = pair.indexOf("=");
        if (equals < 1) throw new CliError(`--query ${pair}: write it as <name>=<value>.`, 2);
        query.append(pair.slice(0, equals), pair.slice(equals + 1));
      }
      const answer = await api.request("GET", `/v1/exports/${sub}?${query}`);
      if (!answer.body) throw new CliError("The api answered no body.");
      const target = values.out ? createWriteStream(path.resolve(io.cwd, values.out)) : undefined;
      if (target) {
        await pipeline(Readable.fromWeb(answer.body as WebReadableStream), target);
        io.err(`Wrote ${values.out}\n`);
      } else {
        io.out(await answer.text());
      }
      return 0;
    }
    throw new CliError(`Unknown command: ${positionals.join(" ")}\n\n${USAGE}`, 2);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`huiyin: ${error.message}\n`);
      const errors = (error.details as { errors?: unknown[] } | undefined)?.errors;
      if (Array.isArray(errors)) for (const line of errors) io.err(`  ${JSON.stringify(line)}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.err(`huiyin: ${error.message}\n`);
      return 2;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`huiyin: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

function showConfig(env: Readonly<Record<string, string | undefined>>, io: Io): number {
  const shown = shownConfiguration(env);
  const width = Math.max(...shown.map((variable) => variable.name.length));
  for (const variable of shown) {
    io.out(`${variable.name.padEnd(width)}  ${variable.value}  (${variable.from})\n`);
  }
  return 0;
}

interface CalendarAnswer {
  name: string;
  years: { year: number; status: string; source: string | null }[];
  coverage: { months: number; gaps: unknown[]; warning: string | null };
}

async function showCalendar(api: ApiClient, io: Io): Promise<number> {
  const calendar = (await (await api.request("GET", "/v1/calendar")).json()) as CalendarAnswer;
  io.out(`${calendar.name}\n`);
  for (const year of calendar.years) io.out(`  ${year.year}  ${year.status}${year.source ? `  ${year.source}` : ""}\n`);
  const { coverage } = calendar;
  if (coverage.warning || coverage.gaps.length > 0) {
    io.out(`coverage: NOT covered for the next ${coverage.months} months: ${coverage.warning ?? ""}\n`);
    for (const gap of coverage.gaps) io.out(`  gap ${JSON.stringify(gap)}\n`);
    return 1;
  }
  io.out(`coverage: official for the next ${coverage.months} months\n`);
  return 0;
}

async function importFile(
  api: ApiClient,
  io: Io,
  what: "directory" | "proposals",
  file: string,
  dryRun: boolean,
): Promise<number> {
  const extension = path.extname(file).toLowerCase();
  const contentType = extension === ".csv" ? "text/csv" : extension === ".xlsx" ? SPREADSHEET : undefined;
  if (!contentType) throw new CliError(`${path.basename(file)}: a .csv or .xlsx file, please.`, 2);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`${file}: not readable.`, 2);
  }
  const answer = await api.request("POST", `/v1/imports/${what}?dryRun=${dryRun}`, { raw: bytes, contentType });
  const result = (await answer.json()) as { rows?: number; created?: number; unchanged?: number };
  io.out(
    `${dryRun ? "dry run: " : ""}${result.rows ?? "?"} rows, ${result.created ?? 0} created, ${result.unchanged ?? 0} unchanged\n`,
  );
  return 0;
}
