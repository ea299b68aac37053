/** How quickly a process that keeps dying is started again. */
export interface RestartPolicy {
  /** The pause before the first restart. */
  firstMs: number;
  /** The longest pause: a process that dies at once every time is tried this often. */
  maxMs: number;
  /** A run at least this long was a healthy one: the next death starts over at `firstMs`. */
  stableMs: number;
}

/** 1 s, 2 s, 4 s … 30 s; back to 1 s after a minute up. */
const RESTART_POLICY: RestartPolicy = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };

/**
 * The pause before the next start, given the previous pause (none: this is the first death) and how long the
 * process was up. Doubling per quick death, so that a process that cannot start does not spin; reset after a
 * healthy run, so that one crash a day is not met with a 30 s pause.
 */
export function nextRestartDelay(previousMs: number | undefined, upMs: number, policy = RESTART_POLICY): number {
  if (previousMs === undefined || upMs >= policy.stableMs) return policy.firstMs;
  return Math.min(previousMs * 2, policy.maxMs);
}

/** One running copy of a supervised process. */
export interface Instance {
  /** Resolves when it has exited, saying how ("code 1", "SIGKILL"). */
  exited: Promise<string>;
}

export interface SuperviseOptions<T extends Instance> {
  /** For the log lines: "the worker service", "PostgreSQL". */
  name: string;
  /** The copy already running (started by the caller, who waited for it to be ready). */
  first: T;
  /** Starts a new copy; resolves once it is up (rejects when it could not start: that counts as a death). */
  start: () => Promise<T>;
  /** Stops a copy; resolves once it is gone. */
  stop: (instance: T, force: boolean) => Promise<void>;
  say: (line: string) => void;
  /** Where to look when it dies (a log file), said with the death. */
  hint?: string;
  /** Asked when a copy exits on its own: false leaves it down (the caller handles that death). Always by default. */
  restartIf?: () => boolean;
  /** Told of every new copy (its pid, its handle). */
  onStart?: (instance: T) => void;
  policy?: RestartPolicy;
  /** Injected in tests; performance.now by default. */
  now?: () => number;
}

export interface Supervisor<T extends Instance> {
  current(): T | undefined;
  /** Stops supervising (no more restarts, a pending one is cancelled) and stops the current copy. */
  stop(force: boolean): Promise<void>;
}

/**
 * Keeps a process running: when a copy exits on its own, a new one is started after `nextRestartDelay`. Only
 * `stop` ends it. What the start command does for each service and each embedded server, so that one crash
 * (a service killed by the OOM killer, PostgreSQL restarted) never takes the whole system down.
 */
export function supervise<T extends Instance>(options: SuperviseOptions<T>): Supervisor<T> {
  const now = options.now ?? (() => performance.now());
  let current: T | undefined = options.first;
  let startedAt = now();
  let delay: number | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let starting: Promise<unknown> | undefined;

  const scheduleRestart = (why: string) => {
    delay = nextRestartDelay(delay, now() - startedAt, options.policy);
    options.say(
      `${capitalised(options.name)} ${why}; starting it again in ${delay / 1000} s${options.hint ? ` (see ${options.hint})` : ""}.`,
    );
    timer = setTimeout(restart, delay);
  };

  const watch = (instance: T) => {
    void instance.exited.then((how) => {
      if (stopped || current !== instance) return;
      current = undefined;
      if (options.restartIf && !options.restartIf()) return;
      scheduleRestart(`exited (${how})`);
    });
  };

  const restart = () => {
    timer = undefined;
    if (stopped) return;
    startedAt = now();
    starting = options.start().then(
      async (instance) => {
        starting = undefined;
        if (stopped) {
          await options.stop(instance, false);
          return;
        }
        current = instance;
        startedAt = now();
        options.say(`${capitalised(options.name)} is running again.`);
        options.onStart?.(instance);
        watch(instance);
      },
      (error: unknown) => {
        starting = undefined;
        if (stopped) return;
        scheduleRestart(`could not start (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
      },
    );
  };

  watch(options.first);
  return {
    current: () => current,
    async stop(force) {
      stopped = true;
      clearTimeout(timer);
      await starting;
      if (current) await options.stop(current, force);
    },
  };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
