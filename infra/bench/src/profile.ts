import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

export interface Profiler {
  /** Stops, writes the `.cpuprofile` (open it in Chrome DevTools) and returns self time by component. */
  stop(file: string): Promise<Record<string, number>>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A V8 CPU profile of this process, taken through the inspector (no restart with --cpu-prof needed). */
export async function startProfiler(): Promise<Profiler> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(file) {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      return selfTimeByComponent(profile);
    },
  };
}

/** Share of sampled time (percent) spent in each component's own code. */
function selfTimeByComponent(profile: CpuProfile): Record<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const node = byId.get(id);
    const component = node ? componentOf(node.callFrame) : "(unknown)";
    totals.set(component, (totals.get(component) ?? 0) + delta);
    all += delta;
  });
  return Object.fromEntries(
    [...totals.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([component, time]) => [component, Math.round((time / all) * 1000) / 10]),
  );
}

function componentOf(frame: { url: string; functionName: string }): string {
  const { url, functionName } = frame;
  if (functionName === "(idle)") return "(idle)";
  if (functionName === "(garbage collector)") return "(gc)";
  if (functionName === "(program)") return "(program)";
  if (!url) return "(native)";
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith("node:")) return "node:internals";
  const own = /\/(packages|workflows|services)\/([^/]+)\//.exec(url);
  if (own) return `huiyin/${own[1]}/${own[2]}`;
  return "(other)";
}
