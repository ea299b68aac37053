import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type Instance, nextRestartDelay, supervise } from "./supervisor.ts";

describe("nextRestartDelay", () => {
  const policy = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };
  it("doubles per quick death up to the cap, and starts over after a healthy run", () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let death = 0; death < 7; death++) {
      delay = nextRestartDelay(delay, 500, policy);
      delays.push(delay);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(nextRestartDelay(30_000, 60_000, policy)).toBe(1_000);
  });
});

/** A stand-in process: `die` ends it as a crash would. */
function fakeProcess(id: number) {
  let die: (how: string) => void = () => {};
  const exited = new Promise<string>((resolve) => {
    die = resolve;
  });
  return { id, exited, die, stoppedBy: undefined as string | undefined };
}
type Fake = ReturnType<typeof fakeProcess> & Instance;

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error("condition not met within 5 s");
    await sleep(10);
  }
}

describe("supervise", () => {
  const policy = { firstMs: 20, maxMs: 80, stableMs: 10_000 };

  it("starts a copy that died again, and says so", async () => {
    const lines: string[] = [];
    let next = 1;
    const started: Fake[] = [];
    const first = fakeProcess(0);
    const supervisor = supervise<Fake>({
      name: "the worker service",
      first,
      start: async () => {
        const copy = fakeProcess(next++);
        started.push(copy);
        return copy;
      },
      stop: async (instance) => {
        instance.stoppedBy = "stop";
        instance.die("SIGTERM");
      },
      say: (line) => lines.push(line),
      policy,
    });
    first.die("SIGKILL");
    await until(() => lines.length >= 2);
    expect(supervisor.current()?.id).toBe(1);
    expect(lines[0]).toBe("The worker service exited (SIGKILL); starting it again in 0.02 s.");
    expect(lines[1]).toBe("The worker service is running again.");
    await supervisor.stop(false);
    expect(started[0]?.stoppedBy).toBe("stop");
    await sleep(60);
    expect(started).toHaveLength(1); // a copy stopped by `stop` is not started again
  });

  it("backs off while the start keeps failing, and stops trying when stopped", async () => {
    const lines: string[] = [];
    const first = fakeProcess(0);
    let attempts = 0;
    const supervisor = supervise<Fake>({
      name: "PostgreSQL",
      first,
      start: async () => {
        attempts++;
        throw new Error("port in use\nmore detail");
      },
      stop: async () => {},
      say: (line) => lines.push(line),
      policy,
    });
    first.die("code 1");
    await until(() => lines.length >= 3);
    expect(lines[0]).toBe("PostgreSQL exited (code 1); starting it again in 0.02 s.");
    expect(lines[1]).toBe("PostgreSQL could not start (port in use); starting it again in 0.04 s.");
    expect(lines[2]).toBe("PostgreSQL could not start (port in use); starting it again in 0.08 s.");
    await supervisor.stop(false);
    const tried = attempts;
    await sleep(150);
    expect(attempts).toBe(tried);
    expect(supervisor.current()).toBeUndefined();
  });
});
