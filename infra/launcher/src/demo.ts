import { createDatabase } from "@huiyin/db";
import { type Actor, defaultPolicy, type Policy } from "@huiyin/domain";
import { applyEvent, createProposal, systemClock } from "@huiyin/engine";
import { createLogger } from "@huiyin/logger";
import { proposalWorkflow } from "@huiyin/workflow-proposal";

/** In the demo a day lasts one second: a 3-month reply limit plays out in about a minute and a half. */
const DEMO_POLICY: Policy = { ...defaultPolicy, timeScale: 1 / 86_400 };

const proposer: Actor = { role: "proposer", id: "member-zhang" };
const staff: Actor = { role: "staff", id: "staff-li" };
const unit: Actor = { role: "unit", id: "clerk-wang", unitId: "civil-affairs" };

type Step = { type: string } & Record<string, unknown>;

const scenarios: { title: string; story: string; steps: [Step, Actor][] }[] = [
  {
    title: "关于加强社区居家养老服务的建议",
    story: "left in review: reminder, then escalation to the staff head and the committee leader",
    steps: [[{ type: "submit" }, proposer]],
  },
  {
    title: "关于增设老旧小区电动车充电桩的建议",
    story: "assigned to civil-affairs, never answered: contact and reply reminders, then escalations",
    steps: [
      [{ type: "submit" }, proposer],
      [{ type: "review.register", category: "urban" }, staff],
      [{ type: "assign", mode: "sole", units: [{ unitId: "civil-affairs", role: "lead" }] }, staff],
      [{ type: "unit.acknowledge" }, unit],
    ],
  },
  {
    title: "关于完善中小学课后服务的建议",
    story: "handled and answered: closed, every matter answered (事事有回音)",
    steps: [
      [{ type: "submit" }, proposer],
      [{ type: "review.register", category: "education" }, staff],
      [{ type: "assign", mode: "sole", units: [{ unitId: "civil-affairs", role: "lead" }] }, staff],
      [{ type: "unit.acknowledge" }, unit],
      [
        { type: "handle.contact", channel: "meeting", contactedAt: new Date().toISOString(), summary: "办前沟通" },
        unit,
      ],
      [{ type: "handle.reply", classification: "A", text: "已采纳并落实。", signedOffBy: "局长" }, unit],
      [{ type: "supervise.acceptReply" }, staff],
      [{ type: "evaluate", result: "satisfied", comment: "满意" }, proposer],
    ],
  },
];

/**
 * Seeds a few proposals on a compressed-time policy, through the engine like any other event, so that
 * `npm start -- --demo` shows reminders and escalations arriving in the worker's and notifier's logs.
 */
export async function seedDemo(databaseUrl: string, say: (line: string) => void): Promise<void> {
  const db = createDatabase(databaseUrl, { maxConnections: 2 });
  const logger = createLogger({ service: "demo", level: "warn", format: "json" });
  const engine = { db, logger, clock: systemClock, workflow: proposalWorkflow };
  try {
    say("Demo: a day lasts one second. Seeded proposals:");
    for (const scenario of scenarios) {
      const { proposal } = await createProposal(engine, {
        input: {
          content: {
            title: scenario.title,
            reasons: "群众反映强烈。",
            suggestions: ["尽快研究落实"],
            category: "livelihood",
          },
          proposers: [{ id: proposer.id, name: "张委员" }],
          policy: DEMO_POLICY,
        },
        actor: proposer,
      });
      let states = proposal.states;
      for (const [event, actor] of scenario.steps) {
        states = (await applyEvent(engine, { proposalId: proposal.id, event, actor })).proposal.states;
      }
      say(`  ${proposal.id}  ${states.join(", ").padEnd(22)} ${scenario.story}`);
    }
    say("Watch the worker (deadline.* events) and the notifier (notices) below.");
  } finally {
    await db.close();
  }
}
