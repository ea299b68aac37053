import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";
import { exitOf, repoRoot } from "@huiyin/infra-local";

export interface ServiceSpec {
  name: "api" | "worker" | "notifier";
  env: NodeJS.ProcessEnv;
}

export interface RunningService {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves when the process has exited, saying how ("code 1", "SIGKILL"). */
  exited: Promise<string>;
}

const requireFromHere = createRequire(import.meta.url);

/**
 * Runs a service from its TypeScript source through tsx, in its own process group (Ctrl-C reaches only
 * the start command, which stops services before the databases). Its JSON log lines go to
 * `<logsDir>/<name>.log` and, through `onLine`, to the terminal.
 */
export function startService(spec: ServiceSpec, logsDir: string, onLine: (line: string) => void): RunningService {
  const tsx = requireFromHere.resolve("tsx");
  const entry = path.join(repoRoot, "services", spec.name, "src", "main.ts");
  const child = spawn(process.execPath, ["--import", tsx, entry], {
    cwd: repoRoot,
    env: spec.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const logFile = path.join(logsDir, `${spec.name}.log`);
  const file = createWriteStream(logFile, { flags: "a" });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) => {
      file.write(`${line}\n`);
      onLine(line);
    });
  }
  child.once("exit", () => file.end());
  return { name: spec.name, child, logFile, exited: exitOf(child) };
}
