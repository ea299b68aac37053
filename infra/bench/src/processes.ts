import { readdirSync, readFileSync } from "node:fs";

/**
 * The bench's own servers: PostgreSQL's postmaster and Redis. CPU and memory are counted for these and their
 * children only, not for every `postgres` or `redis-server` on the machine (other work would count as ours).
 */
export interface ServerPids {
  postgres?: number | undefined;
  redis?: number | undefined;
}

/** Fields of a /proc/<pid>/stat line after the command: state [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14]. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime of a /proc/<pid>/stat line, in seconds. */
function cpuSecondsIn(stat: string): number {
  const fields = statFields(stat);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds a server has used so far: the process, its live children (PostgreSQL's backends, Redis's rewrite),
 * and the children that ended and were waited for (cutime + cstime), so that a backend that exits between two
 * readings still counts once. 0 when the process is not on this machine.
 */
function serverCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return 0;
  }
  const fields = statFields(stat);
  let total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
  for (const child of processes()) {
    if (statFields(child.stat)[1] === String(pid)) total += cpuSecondsIn(child.stat);
  }
  return total;
}

/** CPU seconds one process has used so far (0 once it is gone, or off Linux). */
export function cpuSecondsOfPid(pid: number | undefined): number {
  try {
    return cpuSecondsIn(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return 0;
  }
}

/** The part of `cpuSecondsOfPid` spent in the kernel (stime): its sockets, the round trips to the servers. */
export function kernelSecondsOfPid(pid: number | undefined): number {
  try {
    return Number(statFields(readFileSync(`/proc/${pid}/stat`, "utf8"))[12]) / 100;
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

/** Anonymous resident memory in MiB of a server and its children (shared buffers excluded, so no double count). */
export function anonRssMiB(pid: number | undefined): number {
  if (!pid) return 0;
  let kib = 0;
  for (const { pid: each, stat } of processes()) {
    if (each !== String(pid) && statFields(stat)[1] !== String(pid)) continue;
    try {
      const status = readFileSync(`/proc/${each}/status`, "utf8");
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

/** CPU seconds of this process, and of the bench's PostgreSQL and Redis (see `ServerPids`), between the call and the returned function's. */
export function cpuMeter(servers: ServerPids) {
  const before = {
    self: process.cpuUsage(),
    postgres: serverCpuSeconds(servers.postgres),
    redis: serverCpuSeconds(servers.redis),
  };
  return () => {
    const self = process.cpuUsage(before.self);
    return {
      bench: round1((self.user + self.system) / 1e6),
      // Of it, in the kernel: socket writes and reads, the round trips to PostgreSQL and Redis.
      benchKernel: round1(self.system / 1e6),
      postgres: round1(serverCpuSeconds(servers.postgres) - before.postgres),
      redis: round1(serverCpuSeconds(servers.redis) - before.redis),
    };
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
