import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

export interface ServerProcessOptions {
  command: string;
  args: string[];
  /** Every line the server prints is appended here. */
  logFile: string;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts a server in its own process group, so that Ctrl-C in the terminal reaches only the start command,
 * which then stops services before the databases they use.
 */
export function spawnServer(options: ServerProcessOptions): ChildProcess {
  const out = openSync(options.logFile, "a");
  const child = spawn(options.command, options.args, {
    stdio: ["ignore", out, out],
    detached: true,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
    env: options.env ?? process.env,
  });
  return child;
}

/** Sends `signal`, waits up to `timeoutMs` for the exit, then kills. Resolves once the process is gone. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  // An unref'd timer: a process that exits in time must not keep the caller alive until the timeout.
  const timedOut = await Promise.race([exited.then(() => false), sleep(timeoutMs, true, { ref: false })]);
  if (timedOut) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** How a process ended, for a log line: "code 1", "SIGKILL". Resolves once it has exited. */
export function exitOf(child: ChildProcess): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve(describeExit(child.exitCode, child.signalCode));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(describeExit(code, signal))));
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ?? `code ${code}`;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Stops a server left running by a start command that was killed before it could clean up. */
export async function stopLeftover(pid: number, signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, signal);
  const until = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < until) await sleep(100);
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}

/** Polls `probe` until it resolves, or fails with the last error after `timeoutMs`. */
export async function waitUntil(probe: () => Promise<void>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await probe();
      return;
    } catch (error) {
      last = error;
      await sleep(100);
    }
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms: ${String(last)}`);
}

/** Runs a short command to completion; throws with its output when it fails. */
export function run(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv } = {},
): string {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

/** The command line of a running process (Linux /proc), or "" when unknown. */
export function commandLine(pid: number): string {
  const file = `/proc/${pid}/cmdline`;
  return existsSync(file) ? readFileSync(file, "utf8").replaceAll("\0", " ") : "";
}

export function logSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** What a log file gained since `from` bytes (capped), to show why a server did not start. */
export function logTail(file: string, from: number): string {
  if (!existsSync(file)) return "";
  const size = statSync(file).size;
  const start = Math.max(from, size - 8_192);
  const buffer = Buffer.alloc(Math.max(0, size - start));
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}
