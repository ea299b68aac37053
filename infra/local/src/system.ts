import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SetupError } from "./errors.ts";
import { run } from "./process.ts";

export const isRoot = (): boolean => typeof process.getuid === "function" && process.getuid() === 0;

/** Finds an executable on PATH. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** uid and gid of a local user, read from /etc/passwd (Node has no getpwnam). */
export function lookupUser(name: string): { uid: number; gid: number } | undefined {
  if (!existsSync("/etc/passwd")) return undefined;
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid && gid) return { uid: Number(uid), gid: Number(gid) };
  }
  return undefined;
}

/** Whether apt may install packages here: root on a Linux machine that has apt-get (Debian, Ubuntu). */
export const canApt = (): boolean => process.platform === "linux" && which("apt-get") !== undefined && isRoot();

let aptUpdated = false;

/**
 * Installs Debian packages when that is possible (root on a machine with apt), and otherwise explains what
 * the user can do instead. `what` names the server for the message.
 */
export function aptInstall(packages: string[], what: string, alternative: string): void {
  if (!canApt()) {
    throw new SetupError(
      `${what} is not installed and cannot be installed automatically here ` +
        `(that needs root on a Debian/Ubuntu machine).\n` +
        `Install it yourself (Debian/Ubuntu: apt-get install ${packages.join(" ")}; macOS: brew install ${packages[0]?.replace("-server", "")}),\n` +
        `or ${alternative}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"], { env });
    aptUpdated = true;
  }
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { env });
}

/** The newest PostgreSQL server binaries Debian put under /usr/lib/postgresql, or ones on PATH. */
export function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((version) => existsSync(path.join(root, version, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], "bin");
  }
  const onPath = which("postgres");
  return onPath ? path.dirname(onPath) : undefined;
}
