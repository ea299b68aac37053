import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far by every process whose command is one of `names` (Linux /proc; 0 elsewhere). */
function cpuSecondsOf(names: readonly string[]): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const { comm, stat } of processes()) {
    if (!(comm in totals)) continue;
    totals[comm] = (totals[comm] ?? 0) + cpuSecondsIn(stat);
  }
  return totals;
}

/** utime + stime of a /proc/<pid>/stat line, in seconds. */
function cpuSecondsIn(stat: string): number {
  // Fields after the command: state is [0]; utime and stime are fields 14 and 15 of stat, i.e. [11], [12].
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds one process has used so far (0 once it is gone, or off Linux). */
export function cpuSecondsOfPid(pid: number | undefined): number {
  try {
    return cpuSecondsIn(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return 0;
  }
}

/** Resident memory of one process in MiB (0 once it is gone, or off Linux). */
export function rssMiBOf(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Anonymous resident memory in MiB of every process named `name` (shared buffers excluded, so no double count). */
export function anonRssMiB(name: string): number {
  let kib = 0;
  for (const { comm, pid } of processes()) {
    if (comm !== name) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kib += Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kib / 1024;
}

function* processes(): Generator<{ pid: string; comm: string; stat: string }> {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      yield { pid, comm, stat };
    } catch {
      // Gone already.
    }
  }
}

/** CPU seconds of this process, PostgreSQL and Redis between `start()` and `stop()`. */
export function cpuMeter() {
  const names = ["postgres", "redis-server"];
  const before = { self: process.cpuUsage(), others: cpuSecondsOf(names) };
  return () => {
    const self = process.cpuUsage(before.self);
    const others = cpuSecondsOf(names);
    return {
      bench: round1((self.user + self.system) / 1e6),
      postgres: round1((others.postgres ?? 0) - (before.others.postgres ?? 0)),
      redis: round1((others["redis-server"] ?? 0) - (before.others["redis-server"] ?? 0)),
    };
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
