/**
 * A committee's year in bulk SQL, for the statistics and console benches: proposals across every stage (drafts,
 * not registered by each ground, registered, in handling - some overdue -, in supervision, awaiting evaluation,
 * closed) with their history, reply deadlines, final grades (some regraded), every joint proposer's rating and
 * re-handlings, spread over two sessions, 60 handling units (a few carry most), categories, proposer types, source
 * channels and key-proposal leaders. Written straight into the tables (not through the engine: 100,000 proposals
 * through the engine would take the bench's whole budget); the rows have the shape the engine writes, so the
 * statistics derive them from their history as they would real ones, and the history trigger marks them.
 * Deterministic for a given size (a seeded generator); each call adds new proposals (ids of its own run).
 */
import { randomBytes } from "node:crypto";
import { defaultPolicy, PROPOSER_TYPES } from "@huiyin/domain";
import { PROPOSAL_MACHINE_VERSION } from "@huiyin/workflow-proposal";
import type pg from "pg";

const DAY = 86_400_000;
const CHUNK = 2_000;
const UNITS = 60;
const CATEGORIES = ["economy", "livelihood", "education", "health", "environment", "culture", "agriculture", "urban"];
const LEADERS = 10;

export interface SeedYearOptions {
  proposals: number;
  committeeId?: string;
}

/** Adds `proposals` proposals of one committee's year (two sessions); returns their ids in creation order. */
export async function seedYear(pool: pg.Pool, options: SeedYearOptions): Promise<{ proposalIds: string[] }> {
  const committeeId = options.committeeId ?? "default";
  const run = randomBytes(4).toString("hex");
  const sessions = await seedDirectory(pool, committeeId, run);
  const random = generator(options.proposals);
  const proposalIds: string[] = [];
  for (let from = 0; from < options.proposals; from += CHUNK) {
    const rows: Generated[] = [];
    for (let n = from; n < Math.min(options.proposals, from + CHUNK); n += 1) {
      rows.push(generate(n, run, committeeId, sessions, random));
    }
    await insertChunk(pool, rows);
    proposalIds.push(...rows.map((row) => row.id));
  }
  // Numbers given per session (gapless, as registration gives them): the counters match.
  for (const session of sessions) {
    await pool.query(
      `UPDATE committee_sessions SET last_number = COALESCE((SELECT max(number) FROM proposals WHERE session_id = $1), 0)
        WHERE id = $1`,
      [session.id],
    );
  }
  return { proposalIds };
}

interface SeedSession {
  id: string;
  /** Start of the session's span and of its plenary (ms). */
  startsAt: number;
  plenaryEndsAt: number;
  numberPattern: string;
  next: number;
}

async function seedDirectory(pool: pg.Pool, committeeId: string, run: string): Promise<SeedSession[]> {
  await pool.query("INSERT INTO committees (id, name, updated_at) VALUES ($1, $1, now()) ON CONFLICT (id) DO NOTHING", [
    committeeId,
  ]);
  const units = Array.from({ length: UNITS }, (_v, i) => unitOf(i));
  await pool.query(
    `INSERT INTO units (id, committee_id, name, updated_at)
     SELECT u, $2, '承办单位 ' || u, now() FROM unnest($1::text[]) AS u ON CONFLICT (id) DO NOTHING`,
    [units, committeeId],
  );
  const sessions: SeedSession[] = [];
  for (const [index, year] of [2025, 2026].entries()) {
    const id = `ses_seed_${run}_${index + 1}`;
    await pool.query(
      `INSERT INTO committee_sessions (id, committee_id, name, starts_on, ends_on, plenary_starts_on, plenary_ends_on,
         number_pattern, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '第{n:4}号', 'bench:seed-year')`,
      [
        id,
        committeeId,
        `十四届${index + 2}次会议 (bench ${run})`,
        `${year}-01-01`,
        `${year}-12-31`,
        `${year}-01-20`,
        `${year}-01-24`,
      ],
    );
    sessions.push({
      id,
      startsAt: Date.parse(`${year}-01-20T01:00:00Z`),
      plenaryEndsAt: Date.parse(`${year}-01-24T10:00:00Z`),
      numberPattern: "第{n:4}号",
      next: 1,
    });
  }
  return sessions;
}

const unitOf = (index: number) => `seed-unit-${String(index + 1).padStart(2, "0")}`;

/** A small seeded generator (mulberry32): the same year for the same size. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface EventRow {
  seq: number;
  type: string;
  actor: Record<string, unknown>;
  payload: Record<string, unknown>;
  from: string[];
  to: string[];
  at: number;
}

interface DeadlineRow {
  id: string;
  kind: string;
  unitId: string | null;
  dueAt: number;
  openedAt: number;
  closedAt: number | null;
}

interface Reply {
  classification: string;
  originalClassification?: string;
  text: string;
  signedOffBy: string;
  at: string;
}

/** A part as the machine's context keeps it (`Part` of workflows/proposal). */
interface SeedPart {
  unitId: string;
  status: string;
  round: string;
  contacts: number;
  dueAt: string;
  extensions: number;
  replies: number;
  reply?: Reply;
}

interface Generated {
  id: string;
  committeeId: string;
  snapshot: Record<string, unknown>;
  stage: string;
  states: string[];
  title: string;
  category: string;
  proposerId: string;
  unitIds: string[];
  leaderId: string | null;
  createdAt: number;
  updatedAt: number;
  sessionId: string;
  plenary: boolean;
  number: number | null;
  numberLabel: string | null;
  proposerType: string;
  sourceChannel: string;
  events: EventRow[];
  deadlines: DeadlineRow[];
}

/** Where a proposal stops: cumulative shares of the year (the rest is closed.completed). */
const FATES: [string, number][] = [
  ["draft", 0.02],
  ["review", 0.03],
  ["rejected", 0.07],
  ["converted", 0.09],
  ["merged", 0.1],
  ["withdrawn", 0.11],
  ["registered", 0.14],
  ["handling", 0.26],
  ["supervise", 0.3],
  ["evaluate", 0.39],
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** A unit, skewed: the first units carry most proposals, as a province's big departments do. */
const skewedUnit = (random: () => number) => unitOf(Math.floor(random() ** 2 * UNITS));

function generate(
  n: number,
  run: string,
  committeeId: string,
  sessions: SeedSession[],
  random: () => number,
): Generated {
  const id = `p_seed${run}${String(n).padStart(9, "0")}`;
  const session = sessions[random() < 0.45 ? 0 : 1] as SeedSession;
  const plenary = random() < 0.4;
  const submittedAt = plenary
    ? session.startsAt + Math.floor(random() * (session.plenaryEndsAt - session.startsAt))
    : session.plenaryEndsAt + Math.floor(random() * 300 * DAY);
  const createdAt = submittedAt - Math.floor(random() * 3 * DAY) - 60_000;
  const roll = random();
  const fate = FATES.find(([, share]) => roll < share)?.[0] ?? "completed";
  const joint = random() < 0.2;
  const proposers = [
    `member-${Math.floor(random() * 800)}`,
    ...(joint ? [`member-${Math.floor(random() * 800)}`] : []),
  ];
  const proposerType = joint ? "joint" : random() < 0.8 ? "member" : pick(random, PROPOSER_TYPES.slice(2));
  const channel = random() < 0.05 ? "public-platform" : plenary ? "plenary" : "interim";
  const category = pick(random, CATEGORIES);
  const title = `关于${category}工作的建议 ${n}`;
  const events: EventRow[] = [];
  const deadlines: DeadlineRow[] = [];
  let states = ["submit.draft"];
  const push = (
    type: string,
    at: number,
    to: string[],
    payload: Record<string, unknown> = {},
    actor: Record<string, unknown> = { role: "staff", id: "office-seed" },
  ) => {
    events.push({ seq: events.length + 1, type, actor, payload, from: states, to, at });
    states = to;
  };
  push("create", createdAt, ["submit.draft"], {}, { role: "proposer", id: proposers[0] });
  const context: Record<string, unknown> = {
    machineVersion: PROPOSAL_MACHINE_VERSION,
    id,
    content: { title, reasons: "理由。", suggestions: ["建议一"], category },
    proposers: proposers.map((p) => ({ id: p })),
    createdAt: new Date(createdAt).toISOString(),
    policy: defaultPolicy,
    origin: { proposerType, channel },
    session: { id: session.id, plenary },
    submissions: 0,
    assignments: 0,
    objections: [],
    parts: [],
    coOpinions: [],
    deadlines: [],
    evaluations: [],
    rehandles: 0,
  };
  let number: number | null = null;
  let leaderId: string | null = null;
  let unitIds: string[] = [];
  const base = {
    id,
    committeeId,
    title,
    category,
    proposerId: proposers[0] as string,
    createdAt,
    sessionId: session.id,
    plenary,
    proposerType,
    sourceChannel: channel,
    events,
    deadlines,
  };
  const done = (at: number): Generated => {
    context.updatedAt = new Date(at).toISOString();
    const stage = (states[0] as string).split(".")[0] as string;
    return {
      ...base,
      snapshot: {
        status: stage === "closed" ? "done" : "active",
        value: stateValueOf(states),
        context,
        children: {},
        historyValue: {},
      },
      stage,
      states,
      unitIds,
      leaderId,
      updatedAt: at,
      number,
      numberLabel: number === null ? null : `第${String(number).padStart(4, "0")}号`,
    };
  };
  if (fate === "draft") return done(createdAt);
  push("submit", submittedAt, ["review.reviewing"], {}, { role: "proposer", id: proposers[0] });
  context.submittedAt = new Date(submittedAt).toISOString();
  context.submissions = 1;
  const reviewedAt = submittedAt + (2 + Math.floor(random() * 8)) * DAY;
  deadlines.push({
    id: "d1",
    kind: "review",
    unitId: null,
    dueAt: submittedAt + 14 * DAY,
    openedAt: submittedAt,
    closedAt: fate === "review" ? null : reviewedAt,
  });
  if (fate === "review") return done(submittedAt);
  if (fate === "withdrawn") {
    push("withdraw", reviewedAt, ["closed.withdrawn"], { reason: "撤回" }, { role: "proposer", id: proposers[0] });
    return done(reviewedAt);
  }
  if (fate === "rejected" || fate === "converted" || fate === "merged") {
    const type = { rejected: "review.reject", converted: "review.convert", merged: "review.merge" }[fate];
    push(
      type,
      reviewedAt,
      [`closed.${fate}`],
      fate === "converted" ? { target: "opinion", reason: "转" } : { reason: "不予立案" },
    );
    context.review = { outcome: fate, at: new Date(reviewedAt).toISOString() };
    return done(reviewedAt);
  }
  number = session.next++;
  push("review.register", reviewedAt, ["assign.unassigned"], { category });
  context.review = { outcome: "registered", at: new Date(reviewedAt).toISOString() };
  context.number = { sessionId: session.id, number, label: `第${String(number).padStart(4, "0")}号` };
  if (random() < 0.1) {
    leaderId = `leader-${1 + Math.floor(random() * LEADERS)}`;
    push("key.designate", reviewedAt + 3_600_000, ["assign.unassigned"], { leaderId });
    context.key = { leaderId };
  }
  if (fate === "registered") return done(reviewedAt);

  // 交办: sole, lead + co, or separate handling.
  const assignedAt = reviewedAt + (3 + Math.floor(random() * 12)) * DAY;
  const modeRoll = random();
  const mode = modeRoll < 0.8 ? "sole" : modeRoll < 0.92 ? "lead-co" : "separate";
  const lead = skewedUnit(random);
  let other = skewedUnit(random);
  if (other === lead) other = unitOf(Number(lead.slice(-2)) % UNITS);
  const units =
    mode === "sole"
      ? [{ unitId: lead, role: "lead" }]
      : mode === "lead-co"
        ? [
            { unitId: lead, role: "lead" },
            { unitId: other, role: "co" },
          ]
        : [
            { unitId: lead, role: "separate" },
            { unitId: other, role: "separate" },
          ];
  unitIds = units.map((u) => u.unitId);
  const owed = units.filter((u) => u.role !== "co");
  push("assign", assignedAt, ["assign.confirming"], { mode, units });
  context.assignment = { mode, units, assignedAt: new Date(assignedAt).toISOString(), acknowledged: unitIds };
  context.assignments = 1;
  const handlingAt = assignedAt + 2 * DAY;
  const handling = mode === "separate" ? "handle.separately" : "handle.contacting";
  for (const unit of units) {
    push(
      "unit.acknowledge",
      handlingAt,
      unit === units.at(-1) ? [handling] : ["assign.confirming"],
      {},
      { role: "unit", id: `clerk-${unit.unitId}`, unitId: unit.unitId },
    );
  }
  const replyDue = assignedAt + (plenary ? 150 : 91) * DAY;
  for (const [index, unit] of owed.entries()) {
    deadlines.push({
      id: `r${index}`,
      kind: "reply",
      unitId: unit.unitId,
      dueAt: replyDue,
      openedAt: handlingAt,
      closedAt: null,
    });
  }
  const parts: SeedPart[] = owed.map((u) => ({
    unitId: u.unitId,
    status: "handling",
    round: "reply",
    contacts: 1,
    dueAt: new Date(replyDue).toISOString(),
    extensions: 0,
    replies: 0,
  }));
  context.parts = parts;
  const contactAt = handlingAt + (3 + Math.floor(random() * 10)) * DAY;
  for (const unit of owed) {
    push(
      "handle.contact",
      contactAt,
      [mode === "separate" ? handling : "handle.handling"],
      { channel: "phone", summary: "已沟通", contactedAt: new Date(contactAt).toISOString() },
      { role: "unit", id: `clerk-${unit.unitId}`, unitId: unit.unitId },
    );
  }
  if (fate === "handling") {
    // Open: some are past due now (the bench's "now" is after the year).
    return done(contactAt);
  }
  // Replies: most on time, some late; grade A/B/C.
  let lastReply = contactAt;
  for (const [index, unit] of owed.entries()) {
    const late = random() < 0.15;
    const repliedAt = late
      ? replyDue + (1 + Math.floor(random() * 40)) * DAY
      : contactAt + (10 + Math.floor(random() * 60)) * DAY;
    lastReply = Math.max(lastReply, repliedAt);
    const gradeRoll = random();
    const classification = gradeRoll < 0.55 ? "A" : gradeRoll < 0.9 ? "B" : "C";
    push(
      "handle.reply",
      repliedAt,
      index === owed.length - 1 ? ["supervise.checking"] : [handling],
      { classification, text: "答复。", signedOffBy: "主任" },
      { role: "unit", id: `clerk-${unit.unitId}`, unitId: unit.unitId },
    );
    const deadline = deadlines.find((d) => d.kind === "reply" && d.unitId === unit.unitId);
    if (deadline) deadline.closedAt = repliedAt;
    const part = parts[index] as SeedPart;
    part.status = "replied";
    part.replies = 1;
    part.reply = { classification, text: "答复。", signedOffBy: "主任", at: new Date(repliedAt).toISOString() };
  }
  // Events are in time order per proposal: the replies of separate handling may come in any order.
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  events.forEach((event, index) => {
    event.seq = index + 1;
  });
  if (fate === "supervise") return done(lastReply);
  const acceptedAt = lastReply + 2 * DAY;
  push("supervise.acceptReply", acceptedAt, ["evaluate.awaiting"]);
  for (const part of parts) part.status = "accepted";
  const regraded = parts[0]?.reply;
  if (random() < 0.03 && regraded) {
    const part = parts[0] as SeedPart & { reply: Reply };
    const to = part.reply.classification === "A" ? "B" : "A";
    push("supervise.reclassify", acceptedAt + DAY, ["evaluate.awaiting"], {
      unitId: part.unitId,
      classification: to,
      reason: "复核",
    });
    part.reply = { ...part.reply, originalClassification: part.reply.classification, classification: to };
  }
  if (fate === "evaluate") return done(acceptedAt + DAY);
  // Every proposer rates (联名: each one); a few are unsatisfied and the proposal is handled again.
  const evaluatedAt = acceptedAt + (3 + Math.floor(random() * 10)) * DAY;
  const evaluations: Record<string, unknown>[] = [];
  let rehandled = false;
  for (const proposer of proposers) {
    const r = random();
    const result = r < 0.7 ? "satisfied" : r < 0.93 ? "basically-satisfied" : "unsatisfied";
    if (result === "unsatisfied") rehandled = true;
    const rating = {
      proposerId: proposer,
      result,
      comment: "",
      at: new Date(evaluatedAt).toISOString(),
      round: 0,
      units: unitIds.map((unitId) => ({ unitId, result })),
    };
    evaluations.push(rating);
    push("evaluate", evaluatedAt, ["evaluate.awaiting"], { result, comment: "" }, { role: "proposer", id: proposer });
  }
  let closedAt = evaluatedAt;
  if (rehandled) {
    const unit = owed[0] as { unitId: string };
    const last = events.at(-1) as EventRow;
    last.to = [mode === "separate" ? handling : "handle.rehandling"];
    states = last.to;
    deadlines.push({
      id: "rh",
      kind: "rehandle",
      unitId: unit.unitId,
      dueAt: evaluatedAt + 30 * DAY,
      openedAt: evaluatedAt,
      closedAt: evaluatedAt + 20 * DAY,
    });
    const again = evaluatedAt + 20 * DAY;
    push(
      "handle.reply",
      again,
      ["supervise.checking"],
      { classification: "B", text: "重新办理。", signedOffBy: "主任" },
      { role: "unit", id: `clerk-${unit.unitId}`, unitId: unit.unitId },
    );
    push("supervise.acceptReply", again + DAY, ["evaluate.awaiting"]);
    const part = parts[0] as SeedPart & { reply: Reply };
    part.reply = { ...part.reply, classification: "B" };
    part.round = "rehandle";
    context.rehandles = 1;
    closedAt = again + 5 * DAY;
    for (const proposer of proposers) {
      evaluations.push({
        proposerId: proposer,
        result: "basically-satisfied",
        comment: "",
        at: new Date(closedAt).toISOString(),
        round: 1,
        units: unitIds.map((unitId) => ({ unitId, result: "basically-satisfied" })),
      });
      push(
        "evaluate",
        closedAt,
        ["evaluate.awaiting"],
        { result: "basically-satisfied", comment: "" },
        { role: "proposer", id: proposer },
      );
    }
  }
  context.evaluations = evaluations;
  (events.at(-1) as EventRow).to = ["closed.completed"];
  states = ["closed.completed"];
  return done(closedAt);
}

/** `["handle.contacting"]` → `{ handle: "contacting" }`, XState's state value. */
function stateValueOf(states: readonly string[]): Record<string, unknown> {
  const [stage = "submit", sub = "draft"] = (states[0] ?? "").split(".");
  return { [stage]: sub };
}

async function insertChunk(pool: pg.Pool, rows: readonly Generated[]): Promise<void> {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO proposals (id, committee_id, created_by, machine_version, snapshot, stage, states, version, title,
         category, proposer_id, unit_ids, leader_id, is_key, created_at, updated_at, session_id, plenary, number,
         number_label, proposer_type, source_channel)
       SELECT id, committee_id, 'bench:seed-year', $20, snapshot, stage, string_to_array(states, ','), version, title,
              category, proposer_id, COALESCE(string_to_array(NULLIF(unit_ids, ''), ','), '{}'), leader_id, leader_id IS NOT NULL,
              created_at, updated_at, session_id, plenary, number, number_label, proposer_type, source_channel
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::text[],
                     $15::bool[], $16::int[], $17::text[], $18::text[], $19::text[])
           AS t(id, committee_id, snapshot, stage, states, version, title, category, proposer_id, unit_ids, leader_id,
                created_at, updated_at, session_id, plenary, number, number_label, proposer_type, source_channel)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.committeeId),
        rows.map((r) => JSON.stringify(r.snapshot)),
        rows.map((r) => r.stage),
        rows.map((r) => r.states.join(",")),
        rows.map((r) => r.events.length),
        rows.map((r) => r.title),
        rows.map((r) => r.category),
        rows.map((r) => r.proposerId),
        rows.map((r) => r.unitIds.join(",")),
        rows.map((r) => r.leaderId),
        rows.map((r) => iso(r.createdAt)),
        rows.map((r) => iso(r.updatedAt)),
        rows.map((r) => r.sessionId),
        rows.map((r) => r.plenary),
        rows.map((r) => r.number),
        rows.map((r) => r.numberLabel),
        rows.map((r) => r.proposerType),
        rows.map((r) => r.sourceChannel),
        PROPOSAL_MACHINE_VERSION,
      ],
    );
    const events = rows.flatMap((r) => r.events.map((e) => ({ id: r.id, ...e })));
    await client.query(
      `INSERT INTO proposal_events (proposal_id, seq, type, actor, payload, from_states, to_states, machine_version, at)
       SELECT id, seq, type, actor, payload, string_to_array(from_states, ','), string_to_array(to_states, ','), $8, at
         FROM unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::text[], $7::text[], $9::timestamptz[])
           AS t(id, seq, type, actor, payload, from_states, to_states, at)`,
      [
        events.map((e) => e.id),
        events.map((e) => e.seq),
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.actor)),
        events.map((e) => JSON.stringify(e.payload)),
        events.map((e) => e.from.join(",")),
        events.map((e) => e.to.join(",")),
        PROPOSAL_MACHINE_VERSION,
        events.map((e) => iso(e.at)),
      ],
    );
    const deadlines = rows.flatMap((r) => r.deadlines.map((d) => ({ proposalId: r.id, ...d })));
    await client.query(
      `INSERT INTO deadlines (proposal_id, deadline_id, kind, unit_id, due_at, status, opened_at, closed_at, definition)
       SELECT proposal_id, deadline_id, kind, unit_id, due_at, CASE WHEN closed_at IS NULL THEN 'open' ELSE 'closed' END,
              opened_at, closed_at, '{}'::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::timestamptz[])
           AS t(proposal_id, deadline_id, kind, unit_id, due_at, opened_at, closed_at)`,
      [
        deadlines.map((d) => d.proposalId),
        deadlines.map((d) => d.id),
        deadlines.map((d) => d.kind),
        deadlines.map((d) => d.unitId),
        deadlines.map((d) => iso(d.dueAt)),
        deadlines.map((d) => iso(d.openedAt)),
        deadlines.map((d) => iso(d.closedAt)),
      ],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
