import type { Logger } from "@huiyin/logger";

export interface ShutdownOptions {
  logger: Logger;
  /** How long the cleanups together may take before the process exits anyway. */
  timeoutMs: number;
  /** Ends the process; injected so that tests can observe it. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /**
   * Registers a cleanup. Cleanups run in reverse order of registration (last opened, first closed). One
   * registered while shutdown is under way still runs (a service may still be starting when the signal
   * comes); one registered after shutdown finished runs at once.
   */
  add(name: string, cleanup: () => Promise<void> | void): void;
  /** Runs every cleanup once, even if some throw; later calls return the same promise. */
  run(reason: string): Promise<void>;
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

/**
 * Graceful shutdown as a feature: the first SIGINT/SIGTERM drains (in-flight HTTP requests, jobs) within
 * `timeoutMs`, a second signal forces an immediate exit, and the exit code is 128 + the signal number,
 * as a shell would report it.
 */
export function installShutdown(options: ShutdownOptions): Shutdown {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const cleanups: { name: string; cleanup: () => Promise<void> | void }[] = [];
  let running: Promise<void> | undefined;

  let finished = false;

  const runOne = async ({ name, cleanup }: (typeof cleanups)[number]) => {
    try {
      await cleanup();
    } catch (error) {
      options.logger.error({ err: error, cleanup: name }, "cleanup failed; continuing");
    }
  };

  const run = (reason: string): Promise<void> => {
    running ??= (async () => {
      options.logger.info({ reason }, "shutting down");
      // Pop rather than iterate a copy: what `start` registers while we drain is closed too, first.
      for (let next = cleanups.pop(); next; next = cleanups.pop()) await runOne(next);
      finished = true;
    })();
    return running;
  };

  const add = (name: string, cleanup: () => Promise<void> | void) => {
    if (finished) void runOne({ name, cleanup });
    else cleanups.push({ name, cleanup });
  };

  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (signalNumbers[signal] ?? 0);
    if (running) {
      options.logger.warn({ signal }, "second signal: exiting now");
      exit(code);
      return;
    }
    const timer = setTimeout(() => {
      options.logger.error({ timeoutMs: options.timeoutMs }, "shutdown timed out; exiting");
      exit(code);
    }, options.timeoutMs);
    timer.unref();
    void run(signal).then(() => {
      clearTimeout(timer);
      options.logger.info("stopped");
      exit(code);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  return { add, run };
}
