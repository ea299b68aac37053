import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDirectory } from "../services/notifier/src/directory.ts";
import {
  type NotifierTestbed,
  seedProposalWithDeadline,
  startNotifierTestbed,
} from "../services/notifier/test/testbed.ts";
import { eventually, type Spawned, serviceEnv, spawnEntry } from "./support/processes.ts";

/**
 * The daily digest end to end: real notifier processes with DIGEST_TIME set, a real SMTP server. The digest time of
 * today has passed when the notifier starts, so it runs today's digest at once (the catch-up); the first notifier is
 * killed with SIGKILL while the SMTP server holds its message unanswered, a second one delivers, a third one started
 * after it sends nothing again: each person gets the day's digest exactly once.
 */
let bed: NotifierTestbed;
const processes: Spawned[] = [];
const timeZone = "Asia/Shanghai";
const day = 86_400_000;

/** A minute ago on Beijing's clock (00:00 just after midnight): today's digest time has passed, tomorrow's is far. */
function digestTimeJustPassed(): string {
  const clock = (at: Date) =>
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const now = new Date();
  const minuteAgo = clock(new Date(now.getTime() - 60_000));
  return minuteAgo > clock(now) ? "00:00" : minuteAgo;
}

beforeAll(async () => {
  bed = await startNotifierTestbed("digest-e2e");
  await importDirectory(bed.database, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example", language: "zh-CN" },
      { id: "li", name: "Li Ming", email: "li@cppcc.example", language: "en" },
    ],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" }],
    roles: [{ role: "leader", scope: "leader-9", personId: "li" }],
  });
  const seed = (id: string, title: string, dueInMs: number) =>
    seedProposalWithDeadline(bed.database, {
      id,
      title,
      unitId: "u-1",
      dueAt: new Date(Date.now() + dueInMs),
      deadlineId: "dl-reply",
    });
  await seed("p_e2e_late", "关于加快老旧小区改造的建议", -4 * day);
  await seed("p_e2e_soon", "关于增设社区食堂的建议", 3 * day + 3_600_000);
});

afterAll(async () => {
  for (const spawned of processes) if (spawned.child.exitCode === null) spawned.child.kill("SIGKILL");
  await bed.close();
});

async function startNotifier(): Promise<Spawned> {
  const stores = { databaseUrl: bed.databaseUrl, redisUrl: bed.redis.url, prefix: bed.redis.prefix };
  const spawned = spawnEntry(
    "services/notifier/src/main.ts",
    await serviceEnv(stores, {
      SMTP_URL: bed.smtp.url,
      NOTIFY_EMAIL_BACKOFF_MS: "200",
      DIGEST_TIME: digestTimeJustPassed(),
      DIGEST_TIME_ZONE: timeZone,
      LOG_LEVEL: "debug",
    }),
  );
  processes.push(spawned);
  return spawned;
}

describe("the daily digest", () => {
  it("reaches each unit head and leader once, across a notifier killed mid-delivery and a restart", {
    timeout: 180_000,
  }, async () => {
    const held = bed.smtp.hold();
    const first = await startNotifier();
    await held;
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe(137);
    bed.smtp.release();
    expect(bed.smtp.messages).toHaveLength(0);

    const second = await startNotifier();
    await eventually(
      async () =>
        (await bed.database.prisma.digest.count({ where: { status: "delivered" } })) === 2 &&
        bed.to("wang@zhujian.example").length + bed.to("li@cppcc.example").length === 2,
      90_000,
      () => second.output().slice(-3000),
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(143);

    // A third start: today's digest again (the catch-up), with nothing left to send.
    const third = await startNotifier();
    await eventually(
      async () => third.output().includes('"msg":"digests planned"'),
      60_000,
      () => third.output().slice(-3000),
    );
    const planned = third
      .output()
      .split("\n")
      .filter((line) => line.includes('"msg":"digests planned"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(planned.map((line) => [line.planned, line.reserved, line.enqueued, typeof line.jobId])).toEqual([
      [2, 0, 0, "string"],
    ]);
    expect(third.output()).toMatch(/"proposalId":"p_e2e_late"[^\n]*"msg":"proposal in a digest"/);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(143);

    const [chinese, ...moreChinese] = bed.to("wang@zhujian.example");
    const [english, ...moreEnglish] = bed.to("li@cppcc.example");
    expect([moreChinese, moreEnglish]).toEqual([[], []]);
    expect(bed.smtp.messages).toHaveLength(2);
    expect(chinese?.subject).toMatch(/^【回音】每日摘要 \d{4}-\d{2}-\d{2}：逾期 1 项，七日内到期 1 项，督办 0 项$/);
    expect(chinese?.text).toContain("已逾期 4 天");
    expect(chinese?.text).toContain("https://huiyin.example/console/proposals/p_e2e_soon");
    expect(english?.subject).toMatch(/^\[huiyin\] Daily digest \d{4}-\d{2}-\d{2}: 1 overdue, 1 due within 7 days/);
    expect(english?.text).toContain("4 days late");
    expect(english?.text).toContain("in 3 days");
    const rows = await bed.database.prisma.digest.findMany({ orderBy: { personId: "asc" } });
    expect(rows.map((row) => [row.personId, row.status])).toEqual([
      ["li", "delivered"],
      ["wang", "delivered"],
    ]);
  });
});
