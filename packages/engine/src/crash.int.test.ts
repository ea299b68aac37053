import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, staff, startHarness, ticketInput, until } from "../test/harness.ts";
import { applyEvent } from "./apply.ts";
import { createProposal } from "./create.ts";

/**
 * kill -9 of a worker in the middle of firing alarms, then a fresh worker: every alarm still fires, and
 * none is applied twice (one history entry and one notice per alarm).
 */
let h: Harness;
const tsx = createRequire(import.meta.url).resolve("tsx");
const entry = fileURLToPath(new URL("../test/worker-process.ts", import.meta.url));
const children: ChildProcess[] = [];

function startWorker(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", tsx, entry], {
    env: {
      ...process.env,
      DATABASE_URL: h.db.pool.options.connectionString,
      REDIS_URL: h.redis.url,
      QUEUE_PREFIX: h.redis.prefix,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk));
  children.push(child);
  return { child, output: () => text };
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await h.close();
});

describe("a worker killed with SIGKILL mid-work", () => {
  it("loses no alarm and applies none twice", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      const { proposal } = await createProposal(h.deps, {
        input: ticketInput({ replyMs: 2_000, remindBeforeMs: 600, escalateEveryMs: 300 }),
        actor: staff,
      });
      await applyEvent(h.deps, { proposalId: proposal.id, event: { type: "submit" }, actor: staff });
      ids.push(proposal.id);
    }
    const expected = ids.length * 4;
    const noticeCount = () => h.db.prisma.notice.count({ where: { proposalId: { in: ids } } });

    const first = startWorker();
    await until(async () => (await noticeCount()) > 0, 15_000, "the first worker firing alarms");
    first.child.kill("SIGKILL");
    const firedBeforeKill = await noticeCount();
    expect(firedBeforeKill).toBeLessThan(expected);

    const second = startWorker();
    await until(
      async () => (await noticeCount()) === expected,
      30_000,
      `all ${expected} notices (output: ${second.output().slice(-500)})`,
    );

    const alarms = await h.db.prisma.alarm.findMany({ where: { proposalId: { in: ids } } });
    expect(alarms).toHaveLength(expected);
    expect(alarms.filter((alarm) => alarm.status !== "fired")).toEqual([]);
    const timerEvents = await h.db.prisma.proposalEvent.groupBy({
      by: ["idempotencyKey"],
      where: { proposalId: { in: ids }, type: { startsWith: "deadline." } },
      _count: { _all: true },
    });
    expect(timerEvents).toHaveLength(expected);
    expect(timerEvents.every((group) => group._count._all === 1)).toBe(true);
    // Give a duplicate delivery (a stalled job re-run) time to show up, then count again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await noticeCount()).toBe(expected);
    second.child.kill("SIGTERM");
  });
});
