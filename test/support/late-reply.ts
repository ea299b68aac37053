import type { Database } from "@huiyin/db";
import type { Actor, Policy } from "@huiyin/domain";
import { applyEvent, createProposal, systemClock } from "@huiyin/engine";
import type { Logger } from "@huiyin/logger";
import { proposalWorkflow } from "@huiyin/workflow-proposal";
import { importDirectory } from "../../services/notifier/src/directory.ts";

/**
 * The recipients of the notifier's end-to-end tests: unit u-1 (市住建局) is headed by 王局长 (zh-CN) and
 * supervised by leader-9, who is Li Ming (en).
 */
export function importLeaders(db: Database): Promise<unknown> {
  return importDirectory(db, {
    people: [
      { id: "wang", name: "王局长", email: "wang@zhujian.example", language: "zh-CN" },
      { id: "li", name: "Li Ming", email: "li@cppcc.example", language: "en" },
    ],
    units: [{ id: "u-1", name: "市住建局", headPersonId: "wang", supervisorLeaderId: "leader-9" }],
    roles: [{ role: "leader", scope: "leader-9", personId: "li" }],
  });
}

/**
 * A proposal under `policy`, assigned to u-1, acknowledged and contacted, never answered: the only escalations
 * left are those of its reply deadline. Returns its id.
 */
export async function lateReply(context: { db: Database; logger: Logger }, title: string, policy: Policy) {
  const engine = { ...context, clock: systemClock, workflow: proposalWorkflow };
  const { proposal } = await createProposal(engine, {
    input: {
      content: { title, reasons: "设施老化。", suggestions: ["加装电梯"], category: "urban" },
      proposers: [{ id: "member-1" }],
      policy,
    },
    actor: { role: "proposer", id: "member-1" },
  });
  const staff: Actor = { role: "staff", id: "staff-1" };
  const unit: Actor = { role: "unit", id: "clerk-1", unitId: "u-1" };
  const send = (event: { type: string } & Record<string, unknown>, actor: Actor) =>
    applyEvent(engine, { proposalId: proposal.id, event, actor });
  await send({ type: "submit" }, { role: "proposer", id: "member-1" });
  await send({ type: "review.register", category: "urban" }, staff);
  await send({ type: "assign", mode: "sole", units: [{ unitId: "u-1", role: "lead" }] }, staff);
  await send({ type: "unit.acknowledge" }, unit);
  await send(
    { type: "handle.contact", channel: "phone", contactedAt: new Date().toISOString(), summary: "已沟通" },
    unit,
  );
  return proposal.id;
}
