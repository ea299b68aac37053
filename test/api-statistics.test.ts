import { cnMainlandCalendar, REJECTION_GROUNDS, workingDaysBetween } from "@huiyin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";
import { openApiContract } from "./support/contract.ts";

/** What a rejection is counted under: a ground of the regulations' list, or none named. */
const REJECTION_GROUND_FIGURES = [...REJECTION_GROUNDS, "unspecified"];

/**
 * Statistics with rates over real HTTP (issue 16): a year of proposals driven through the engine on a clock the test
 * moves (plenary and interim, on time and late, sole, lead + co and separate handling, A/B/C, a regrade, a
 * re-handling, joint proposers who each rate), then every figure of `GET /v1/stats` - the summary and each breakdown -
 * checked against the test's own computation from `GET /v1/proposals/:id/history` (not the api's SQL), and each
 * figure's list link followed: it must list exactly the proposals behind the figure.
 */
let api: ApiHarness;
let now = new Date("2026-01-05T02:00:00Z");
let keys: Record<string, string>;
let sessionId: string;
const DAY = 86_400_000;

type Rating = { by: string; result: string; units?: { unitId: string; result: string }[]; rehandle?: boolean };
interface Spec {
  plenary: boolean;
  proposers: string[];
  category: string;
  channel?: "public-platform";
  proposerType?: "party-group";
  end?: "draft" | "rejected" | "converted" | "withdrawn" | "registered";
  /** A rejection's ground from the regulations' list; none named when absent. */
  rejectedOn?: string;
  leader?: string;
  mode?: "sole" | "lead-co" | "separate";
  units?: [string, "lead" | "co" | "separate"][];
  /** The units that reply, late or not, with the grade they give. */
  replies?: Record<string, { late: boolean; grade: "A" | "B" | "C" }>;
  regrade?: { unitId: string; to: "A" | "B" | "C" };
  ratings?: Rating[];
  /** After an unsatisfied rating: the unit replies again, on time, and the proposers rate again. */
  rehandle?: { unitId: string; grade: "A" | "B" | "C"; ratings: Rating[] };
}

const sole = (unit: string): Pick<Spec, "mode" | "units"> => ({ mode: "sole", units: [[unit, "lead"]] });
const SPECS: Spec[] = [
  { plenary: true, proposers: ["m1"], category: "livelihood", end: "draft" },
  { plenary: true, proposers: ["m1"], category: "livelihood", end: "rejected", rejectedOn: "private-matter" },
  { plenary: true, proposers: ["m2"], category: "economy", end: "converted" },
  { plenary: false, proposers: ["m3"], category: "economy", end: "withdrawn" },
  { plenary: true, proposers: ["m2"], category: "economy", end: "registered" },
  // Assigned and never answered: overdue now.
  { plenary: true, proposers: ["m1"], category: "livelihood", ...sole("water") },
  { plenary: false, proposers: ["m3"], category: "economy", ...sole("roads"), channel: "public-platform" },
  {
    plenary: true,
    proposers: ["m1"],
    category: "livelihood",
    ...sole("water"),
    replies: { water: { late: false, grade: "A" } },
    ratings: [{ by: "m1", result: "satisfied" }],
  },
  {
    plenary: true,
    proposers: ["m2"],
    category: "livelihood",
    leader: "leader-1",
    ...sole("water"),
    replies: { water: { late: true, grade: "B" } },
    ratings: [{ by: "m2", result: "basically-satisfied" }],
  },
  {
    plenary: true,
    proposers: ["m1", "m4"],
    category: "urban",
    ...sole("roads"),
    replies: { roads: { late: false, grade: "A" } },
    regrade: { unitId: "roads", to: "B" },
    ratings: [
      { by: "m1", result: "satisfied" },
      { by: "m4", result: "basically-satisfied" },
    ],
  },
  {
    plenary: true,
    proposers: ["m2", "m3"],
    category: "urban",
    proposerType: "party-group",
    mode: "separate",
    units: [
      ["roads", "separate"],
      ["parks", "separate"],
    ],
    replies: { roads: { late: false, grade: "A" }, parks: { late: true, grade: "C" } },
    ratings: [
      { by: "m2", result: "satisfied" },
      {
        by: "m3",
        result: "basically-satisfied",
        units: [
          { unitId: "roads", result: "satisfied" },
          { unitId: "parks", result: "basically-satisfied" },
        ],
      },
    ],
  },
  {
    plenary: false,
    proposers: ["m4"],
    category: "livelihood",
    mode: "lead-co",
    units: [
      ["water", "lead"],
      ["parks", "co"],
    ],
    replies: { water: { late: false, grade: "B" } },
    ratings: [{ by: "m4", result: "satisfied" }],
  },
  {
    plenary: false,
    proposers: ["m3"],
    category: "economy",
    leader: "leader-1",
    ...sole("roads"),
    replies: { roads: { late: false, grade: "C" } },
    ratings: [{ by: "m3", result: "unsatisfied" }],
    rehandle: { unitId: "roads", grade: "B", ratings: [{ by: "m3", result: "basically-satisfied" }] },
  },
  {
    plenary: false,
    proposers: ["m1"],
    category: "economy",
    ...sole("parks"),
    replies: { parks: { late: true, grade: "A" } },
    ratings: [{ by: "m1", result: "unsatisfied", rehandle: false }],
  },
  {
    plenary: false,
    proposers: ["m2"],
    category: "urban",
    channel: "public-platform",
    ...sole("water"),
    replies: { water: { late: false, grade: "A" } },
  },
  { plenary: false, proposers: ["m4"], category: "urban", end: "rejected" },
];

/** What the test recorded as it drove the year: ids, and each part's reply deadline as the proposal showed it. */
const ids: string[] = [];
const dueOf = new Map<string, number>();

beforeAll(async () => {
  api = await startApi({ overrides: { clock: { now: () => now } } });
  keys = { staff: await api.issueKey("staff", "office-li"), leader: await api.issueKey("leader", "leader-1") };
  for (const member of ["m1", "m2", "m3", "m4"]) keys[member] = await api.issueKey("proposer", member);
  for (const unit of ["water", "roads", "parks"]) keys[unit] = await api.issueKey("unit", `clerk-${unit}`, unit);
  // Two of the units are in the directory (the unit table names them); a committee with directory units assigns
  // only to them, so parks is there too, without a name of its own but its id.
  for (const [unit, name] of [
    ["water", "市水务局"],
    ["roads", "市交通运输局"],
    ["parks", "parks"],
  ]) {
    expect((await api.call("PUT", `/v1/directory/units/${unit}`, { body: { name } })).status).toBe(201);
  }
  const made = await api.call("POST", "/v1/committee-sessions", {
    body: {
      name: "十四届四次会议",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      plenaryStartsOn: "2026-01-20",
      plenaryEndsOn: "2026-01-24",
      numberPattern: "第{n:4}号",
    },
  });
  expect(made.status).toBe(201);
  sessionId = made.body.id;
  await driveYear();
}, 120_000);

afterAll(async () => {
  await api.close();
});

async function ok(id: string, key: string | undefined, body: Record<string, unknown>) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, { key: key ?? "", body });
  expect(response.status, `${String(body.type)}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body;
}

/** Every step of every proposal, run in time order on the moving clock. */
async function driveYear() {
  const steps: { at: number; run: () => Promise<void> }[] = [];
  SPECS.forEach((spec, index) => {
    const start = Date.parse(spec.plenary ? "2026-01-21T02:00:00Z" : "2026-04-01T02:00:00Z") + index * 60_000;
    const at = (days: number) => start + days * DAY;
    const step = (days: number, run: () => Promise<void>) => steps.push({ at: at(days), run });
    const id = () => ids[index] as string;
    step(0, async () => {
      const created = await api.call("POST", "/v1/proposals", {
        key: keys[spec.proposers[0] as string] as string,
        body: {
          title: `关于第${index}项工作的建议`,
          reasons: "理由。",
          suggestions: ["建议一"],
          category: spec.category,
          proposers: spec.proposers.map((p) => ({ id: p })),
          submit: spec.end !== "draft",
          ...(spec.channel ? { channel: spec.channel } : {}),
          ...(spec.proposerType ? { proposerType: spec.proposerType } : {}),
        },
      });
      expect(created.status).toBe(201);
      ids[index] = created.body.id;
    });
    if (spec.end === "draft") return;
    step(2, async () => {
      if (spec.end === "rejected") {
        const ground = spec.rejectedOn ? { ground: spec.rejectedOn } : {};
        await ok(id(), keys.staff, { type: "review.reject", reason: "不属于提案范围", ...ground });
      } else if (spec.end === "converted") {
        await ok(id(), keys.staff, { type: "review.convert", target: "opinion", reason: "转为意见" });
      } else if (spec.end === "withdrawn") {
        await ok(id(), keys[spec.proposers[0] as string], { type: "withdraw", reason: "撤回" });
      } else await ok(id(), keys.staff, { type: "review.register", category: spec.category });
    });
    if (spec.end || !spec.units) return;
    const units = spec.units;
    step(3, async () => {
      if (spec.leader) await ok(id(), keys.staff, { type: "key.designate", leaderId: spec.leader });
    });
    step(5, async () => {
      await ok(id(), keys.staff, {
        type: "assign",
        mode: spec.mode,
        units: units.map(([unitId, role]) => ({ unitId, role })),
      });
    });
    step(6, async () => {
      for (const [unit] of units) await ok(id(), keys[unit], { type: "unit.acknowledge" });
      const view = (await api.call("GET", `/v1/proposals/${id()}`, { key: keys.staff })).body;
      for (const deadline of view.deadlines as { kind: string; unitId?: string; dueAt: string }[]) {
        if (deadline.kind === "reply") dueOf.set(`${id()}/${deadline.unitId}`, Date.parse(deadline.dueAt));
      }
    });
    step(8, async () => {
      for (const [unit, role] of units) {
        if (role === "co") await ok(id(), keys[unit], { type: "handle.coOpinion", opinion: "同意" });
        else {
          const contactedAt = new Date(now.getTime() - 3_600_000).toISOString();
          await ok(id(), keys[unit], { type: "handle.contact", channel: "phone", contactedAt, summary: "已沟通" });
        }
      }
    });
    const replies = Object.entries(spec.replies ?? {});
    for (const [unit, reply] of replies) {
      step(reply.late ? 130 : 40, async () => {
        await ok(id(), keys[unit], {
          type: "handle.reply",
          classification: reply.grade,
          text: "已办理。",
          signedOffBy: "主任",
        });
      });
    }
    if (replies.length === 0 || replies.length < units.filter(([, role]) => role !== "co").length) return;
    const replied = Math.max(...replies.map(([, reply]) => (reply.late ? 130 : 40)));
    step(replied + 1, async () => {
      await ok(id(), keys.staff, { type: "supervise.acceptReply" });
      if (spec.regrade) {
        const { unitId, to } = spec.regrade;
        await ok(id(), keys.staff, { type: "supervise.reclassify", unitId, classification: to, reason: "复核" });
      }
    });
    const rate = (ratings: Rating[]) => async () => {
      for (const rating of ratings) {
        await ok(id(), keys[rating.by], {
          type: "evaluate",
          result: rating.result,
          comment: "",
          ...(rating.units ? { units: rating.units } : {}),
          ...(rating.rehandle === undefined ? {} : { rehandle: rating.rehandle }),
        });
      }
    };
    if (spec.ratings) step(replied + 2, rate(spec.ratings));
    const again = spec.rehandle;
    if (again) {
      step(replied + 10, async () => {
        await ok(id(), keys[again.unitId], {
          type: "handle.reply",
          classification: again.grade,
          text: "重新办理。",
          signedOffBy: "主任",
        });
      });
      step(replied + 11, async () => {
        await ok(id(), keys.staff, { type: "supervise.acceptReply" });
      });
      step(replied + 12, rate(again.ratings));
    }
  });
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    now = new Date(step.at);
    await step.run();
  }
  now = new Date("2026-10-15T02:00:00Z");
}

// ---- The test's own computation, from each proposal's history ----

interface HistoryItem {
  seq: number;
  type: string;
  actor: { id: string; unitId?: string };
  payload: Record<string, unknown>;
  toStates: string[];
  at: string;
}

interface Part {
  unitId: string;
  role: string;
  replied?: number;
  onTime?: boolean;
  days?: number;
  grade?: string;
  rehandled: boolean;
  overdueNow: boolean;
  overdueEver: boolean;
}

interface Facts {
  id: string;
  view: {
    category: string | null;
    leaderId: string | null;
    proposerType: string | null;
    sourceChannel: string | null;
    sessionId: string | null;
  };
  submittedAt?: number;
  registered: boolean;
  ground?: string;
  /** A rejection's ground as its history says it (`unspecified` when it named none). */
  rejectedOn?: string;
  assigned: boolean;
  parts: Part[];
  ratings: { result: string; units: { unitId: string; result: string }[] }[];
}

async function factsOf(id: string): Promise<Facts> {
  const history = (await api.call("GET", `/v1/proposals/${id}/history?limit=200`, { key: keys.staff })).body
    .items as HistoryItem[];
  const view = (await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff })).body;
  const at = (item: HistoryItem) => Date.parse(item.at);
  const submit = history.find((item) => item.type === "submit");
  const last = history.at(-1) as HistoryItem;
  const closed = last.toStates.find((state) => state.startsWith("closed."))?.slice(7);
  const assign = history.filter((item) => item.type === "assign").at(-1);
  const units = (assign?.payload.units ?? []) as { unitId: string; role: string }[];
  const ratings: Facts["ratings"] = [];
  const parts: Part[] = units.map(({ unitId, role }) => {
    const part: Part = { unitId, role, rehandled: false, overdueNow: false, overdueEver: false };
    if (role === "co") return part;
    const due = dueOf.get(`${id}/${unitId}`) as number;
    const reply = history.find((item) => item.type === "handle.reply" && item.actor.unitId === unitId);
    let grade: string | undefined;
    for (const item of history) {
      if (item.type === "handle.reply" && item.actor.unitId === unitId) grade = item.payload.classification as string;
      if (item.type === "supervise.reclassify" && (item.payload.unitId ?? unitId) === unitId) {
        grade = item.payload.classification as string;
      }
    }
    if (reply) {
      part.replied = at(reply);
      part.onTime = at(reply) <= due;
      part.days = workingDaysBetween(assign?.at as string, reply.at, cnMainlandCalendar);
      part.grade = grade;
    }
    // Handled again: an evaluation that sent the proposal back to handling.
    part.rehandled = history.some(
      (item) => item.type === "evaluate" && item.toStates.some((s) => s.startsWith("handle.")),
    );
    part.overdueNow = !reply && due < now.getTime();
    part.overdueEver = part.overdueNow || part.onTime === false;
    return part;
  });
  for (const item of history.filter((entry) => entry.type === "evaluate")) {
    const result = item.payload.result as string;
    const given = item.payload.units as { unitId: string; result: string }[] | undefined;
    ratings.push({ result, units: given ?? units.map(({ unitId }) => ({ unitId, result })) });
  }
  return {
    id,
    view: {
      category: view.category ?? null,
      leaderId: view.leaderId ?? null,
      proposerType: view.proposerType ?? view.origin?.proposerType ?? null,
      sourceChannel: view.sourceChannel ?? view.origin?.channel ?? null,
      sessionId: view.sessionId ?? view.session?.id ?? null,
    },
    ...(submit ? { submittedAt: at(submit) } : {}),
    registered: history.some((item) => item.type === "review.register"),
    ...(closed && closed !== "completed" && !history.some((item) => item.type === "review.register")
      ? { ground: closed }
      : {}),
    ...(closed === "rejected"
      ? {
          rejectedOn:
            (history.find((item) => item.type === "review.reject")?.payload as { ground?: string } | null)?.ground ??
            "unspecified",
        }
      : {}),
    assigned: assign !== undefined,
    parts,
    ratings,
  };
}

/** Nearest rank, written here again on purpose (the api has its own). */
function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.9 * sorted.length) - 1] as number;
}

interface Expected {
  counts: Record<string, string[]>;
  ratings: Record<string, number>;
  grades: Record<string, number>;
  days: number[];
  assigned: number;
  replied: number;
  onTime: number;
}

/** The figures of a set of proposals as a whole (the summary and the non-unit breakdowns). */
function expectedOfProposals(all: Facts[]): Expected {
  const list = (pick: (f: Facts) => boolean) =>
    all
      .filter(pick)
      .map((f) => f.id)
      .sort();
  const owed = (f: Facts) => f.parts.filter((p) => p.role !== "co");
  const replied = (f: Facts) => owed(f).length > 0 && owed(f).every((p) => p.replied !== undefined);
  const onTime = (f: Facts) => replied(f) && owed(f).every((p) => p.onTime);
  const counts: Record<string, string[]> = {
    submitted: list(() => true),
    registered: list((f) => f.registered),
    notRegistered: list((f) => f.ground !== undefined),
    assigned: list((f) => f.assigned),
    replied: list(replied),
    repliedOnTime: list(onTime),
    repliedLate: list((f) => replied(f) && !onTime(f)),
    rehandled: list((f) => f.parts.some((p) => p.rehandled)),
    overdueNow: list((f) => f.parts.some((p) => p.overdueNow)),
    overdueEver: list((f) => f.parts.some((p) => p.overdueEver)),
  };
  for (const ground of ["rejected", "converted", "merged", "withdrawn", "lapsed"]) {
    counts[`ground:${ground}`] = list((f) => f.ground === ground);
  }
  for (const ground of REJECTION_GROUND_FIGURES) counts[`rejectedOn:${ground}`] = list((f) => f.rejectedOn === ground);
  const ratings: Record<string, number> = {};
  const grades: Record<string, number> = {};
  for (const f of all) {
    for (const rating of f.ratings) ratings[rating.result] = (ratings[rating.result] ?? 0) + 1;
    for (const part of f.parts) if (part.grade) grades[part.grade] = (grades[part.grade] ?? 0) + 1;
    for (const result of new Set(f.ratings.map((r) => r.result)))
      counts[`evaluation:${result}`] = [...(counts[`evaluation:${result}`] ?? []), f.id];
    for (const grade of new Set(f.parts.flatMap((p) => (p.grade ? [p.grade] : []))))
      counts[`grade:${grade}`] = [...(counts[`grade:${grade}`] ?? []), f.id];
  }
  counts["evaluation:any"] = list((f) => f.ratings.length > 0);
  const days = all.flatMap((f) => {
    if (!replied(f)) return [];
    // The proposal's reply: when its last part first replied.
    const lastPart = owed(f).reduce((a, b) => ((a.replied ?? 0) >= (b.replied ?? 0) ? a : b));
    return [lastPart.days as number];
  });
  return {
    counts,
    ratings,
    grades,
    days,
    assigned: counts.assigned?.length ?? 0,
    replied: counts.replied?.length ?? 0,
    onTime: counts.repliedOnTime?.length ?? 0,
  };
}

/** One unit's row: its own parts. */
function expectedOfUnit(all: Facts[], unitId: string): Expected {
  const mine = all.flatMap((f) => f.parts.filter((p) => p.unitId === unitId).map((part) => ({ f, part })));
  const list = (pick: (part: Part) => boolean) =>
    [...new Set(mine.filter(({ part }) => pick(part)).map(({ f }) => f.id))].sort();
  const owed = (part: Part) => part.role !== "co";
  const counts: Record<string, string[]> = {
    assigned: list(owed),
    coAssigned: list((part) => part.role === "co"),
    replied: list((part) => part.replied !== undefined),
    repliedOnTime: list((part) => part.onTime === true),
    repliedLate: list((part) => part.onTime === false),
    rehandled: list((part) => owed(part) && part.rehandled),
    overdueNow: list((part) => part.overdueNow),
    overdueEver: list((part) => part.overdueEver),
  };
  const ratings: Record<string, number> = {};
  const grades: Record<string, number> = {};
  for (const { f, part } of mine) {
    if (part.grade) {
      grades[part.grade] = (grades[part.grade] ?? 0) + 1;
      counts[`grade:${part.grade}`] = [...(counts[`grade:${part.grade}`] ?? []), f.id];
    }
    const results = f.ratings.flatMap((r) => r.units.filter((u) => u.unitId === unitId).map((u) => u.result));
    for (const result of results) ratings[result] = (ratings[result] ?? 0) + 1;
    for (const result of new Set(results))
      counts[`evaluation:${result}`] = [...(counts[`evaluation:${result}`] ?? []), f.id];
    if (results.length > 0) counts["evaluation:any"] = [...(counts["evaluation:any"] ?? []), f.id];
  }
  const days = mine.flatMap(({ part }) => (part.days === undefined ? [] : [part.days]));
  return {
    counts,
    ratings,
    grades,
    days,
    assigned: counts.assigned?.length ?? 0,
    replied: counts.replied?.length ?? 0,
    onTime: counts.repliedOnTime?.length ?? 0,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a row of the response, compared figure by figure
type Row = any;

let groupParam: (row: Row) => string = () => "";

/** Every figure of a row against the expectation, and every list link against the proposals behind it. */
async function check(row: Row, expected: Expected, unit: boolean, key = keys.staff as string, follow = true) {
  const figures: [string, { count: number; list: string }][] = [
    ["assigned", row.assigned],
    ["replied", row.replied],
    ["repliedOnTime", row.repliedOnTime],
    ["repliedLate", row.repliedLate],
    ["rehandled", row.rehandled],
    ["overdueNow", row.overdueNow],
    ["overdueEver", row.overdueEver],
    ...(["A", "B", "C"] as const).map((g): [string, { count: number; list: string }] => [`grade:${g}`, row.grades[g]]),
    ["evaluation:any", row.evaluations.rated],
    ["evaluation:satisfied", row.evaluations.satisfied],
    ["evaluation:basically-satisfied", row.evaluations.basicallySatisfied],
    ["evaluation:unsatisfied", row.evaluations.unsatisfied],
  ];
  if (unit) figures.push(["coAssigned", row.coAssigned]);
  else {
    figures.push(["submitted", row.submitted], ["registered", row.registered], ["notRegistered", row.notRegistered]);
    for (const ground of ["rejected", "converted", "merged", "withdrawn", "lapsed"]) {
      figures.push([`ground:${ground}`, row.notRegistered.byGround[ground]]);
    }
    for (const ground of REJECTION_GROUND_FIGURES) {
      figures.push([`rejectedOn:${ground}`, row.notRegistered.rejectedByGround[ground]]);
    }
  }
  for (const [name, figure] of figures) {
    const behind = [...(expected.counts[name] ?? [])].sort();
    if (follow) {
      const listed = (await api.pageIds(`/v1/proposals?limit=100&${figure.list}`, key)).sort();
      expect(listed, `${row.key ?? "summary"} ${name}: ${figure.list}`).toEqual(behind);
    } else {
      expect(new URLSearchParams(figure.list).get(groupParam(row)), name).toBe(row.key);
    }
    const [kind, value] = name.split(":");
    const count =
      kind === "grade"
        ? (expected.grades[value as string] ?? 0)
        : kind === "evaluation"
          ? value === "any"
            ? Object.values(expected.ratings).reduce((a, b) => a + b, 0)
            : (expected.ratings[value as string] ?? 0)
          : behind.length;
    expect(figure.count, `${row.key ?? "summary"} ${name}`).toBe(count);
  }
  const rated = Object.values(expected.ratings).reduce((a, b) => a + b, 0);
  const satisfied = (expected.ratings.satisfied ?? 0) + (expected.ratings["basically-satisfied"] ?? 0);
  expect(row.rates).toEqual({
    replyRate: expected.assigned ? expected.replied / expected.assigned : null,
    onTimeRate: expected.assigned ? expected.onTime / expected.assigned : null,
    satisfactionRate: rated ? satisfied / rated : null,
  });
  const mean = expected.days.length ? expected.days.reduce((a, b) => a + b, 0) / expected.days.length : null;
  expect(row.workingDaysToReply).toEqual({
    replies: expected.days.length,
    average: mean === null ? null : Math.round(mean * 10) / 10,
    p90: p90(expected.days),
  });
}

describe("GET /v1/stats over a seeded year", () => {
  let facts: Facts[];

  beforeAll(async () => {
    facts = (await Promise.all(ids.map(factsOf))).filter((f) => f.submittedAt !== undefined);
    // The year is what the test meant it to be: something of everything.
    const all = expectedOfProposals(facts);
    for (const name of [
      "repliedOnTime",
      "repliedLate",
      "rehandled",
      "overdueNow",
      "ground:rejected",
      "grade:C",
      "rejectedOn:private-matter",
      "rejectedOn:unspecified",
    ]) {
      expect(all.counts[name]?.length, name).toBeGreaterThan(0);
    }
  });

  it("the session summary: every figure as computed from the histories, each list link listing its proposals", async () => {
    const stats = await api.call("GET", `/v1/stats?sessionId=${sessionId}`, { key: keys.staff });
    expect(stats.status).toBe(200);
    expect(stats.body.filters).toEqual({ sessionId, from: null, to: null, groupBy: null });
    const contract = await openApiContract(api);
    contract.expectConforms("GET", "/v1/stats", stats);
    await check(stats.body.summary, expectedOfProposals(facts), false);
    // The regrade counts with its final grade; the re-handled proposal with its second reply's.
    expect(stats.body.summary.grades.B.count).toBeGreaterThanOrEqual(3);
  });

  it("the unit table: each unit's own parts (co-handling apart), ratings of its part", async () => {
    const stats = await api.call("GET", `/v1/stats?sessionId=${sessionId}&groupBy=unit`, { key: keys.staff });
    expect(stats.status).toBe(200);
    (await openApiContract(api)).expectConforms("GET", "/v1/stats", stats);
    const rows = stats.body.rows as Row[];
    expect(rows.map((row) => row.key).sort()).toEqual(["parks", "roads", "water"]);
    // Named as the directory names them.
    expect(Object.fromEntries(rows.map((row) => [row.key, (row as Row & { name?: string }).name]))).toEqual({
      water: "市水务局",
      roads: "市交通运输局",
      parks: "parks",
    });
    for (const row of rows) await check(row, expectedOfUnit(facts, row.key), true);
  });

  it("per category, leader, proposer type, source channel and session", async () => {
    const dimensions: [string, (f: Facts) => string | null][] = [
      ["category", (f) => f.view.category],
      ["leader", (f) => f.view.leaderId],
      ["proposerType", (f) => f.view.proposerType],
      ["sourceChannel", (f) => f.view.sourceChannel],
      ["session", (f) => f.view.sessionId],
    ];
    const params: Record<string, string> = { sourceChannel: "channel" };
    for (const [groupBy, keyOf] of dimensions) {
      groupParam = () => params[groupBy] ?? groupBy;
      const stats = await api.call("GET", `/v1/stats?groupBy=${groupBy}`, { key: keys.staff });
      expect(stats.status).toBe(200);
      const rows = stats.body.rows as Row[];
      const keysExpected = [...new Set(facts.map(keyOf))].map(String).sort();
      expect(rows.map((row) => String(row.key)).sort(), groupBy).toEqual(keysExpected);
      for (const row of rows) {
        if (row.key === null) {
          // No filter lists "no leader": such a row's figures say so instead of linking to a wrong list.
          expect(row.assigned.list).toBeNull();
          continue;
        }
        // Every link is followed for the categories; for the other breakdowns the counts, and the link's group.
        const follow = groupBy === "category";
        await check(row, expectedOfProposals(facts.filter((f) => keyOf(f) === row.key)), false, keys.staff, follow);
      }
    }
  });

  it("over a date range: the interim proposals only", async () => {
    const from = "2026-03-01T00:00:00Z";
    const stats = await api.call("GET", `/v1/stats?from=${from}&to=2027-01-01T00:00:00Z`, { key: keys.staff });
    expect(stats.status).toBe(200);
    const interim = facts.filter((f) => (f.submittedAt ?? 0) >= Date.parse(from));
    expect(stats.body.summary.submitted.count).toBe(interim.length);
    await check(stats.body.summary, expectedOfProposals(interim), false);
    const reversed = await api.call("GET", `/v1/stats?from=2027-01-01T00:00:00Z&to=${from}`, { key: keys.staff });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.code).toBe("INVALID_QUERY");
    expect((await api.call("GET", "/v1/stats?groupBy=planet", { key: keys.staff })).status).toBe(400);
    // The figure filters of the list refuse what they do not know, as the list's other filters do.
    for (const query of [
      "grade=D",
      "evaluation=happy",
      "repliedLate=yes",
      "unitRole=boss",
      "submittedFrom=yesterday",
    ]) {
      const refused = await api.call("GET", `/v1/proposals?${query}`, { key: keys.staff });
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.code).toBe("INVALID_QUERY");
    }
  });

  it("a unit sees its own row and the proposals assigned to it; a proposer none", async () => {
    const stats = await api.call("GET", "/v1/stats?groupBy=unit", { key: keys.water });
    expect(stats.status).toBe(200);
    expect(stats.body.rows.map((row: Row) => row.key)).toEqual(["water"]);
    await check(stats.body.rows[0], expectedOfUnit(facts, "water"), true, keys.water);
    const mine = facts.filter((f) => f.parts.some((p) => p.unitId === "water"));
    expect(stats.body.summary.submitted.count).toBe(mine.length);
    expect((await api.call("GET", "/v1/stats", { key: keys.m1 })).status).toBe(403);
  });

  it("a leader's figures are over the proposals it leads", async () => {
    const stats = await api.call("GET", "/v1/stats?groupBy=unit", { key: keys.leader });
    expect(stats.status).toBe(200);
    const led = facts.filter((f) => f.view.leaderId === "leader-1");
    expect(stats.body.summary.submitted.count).toBe(led.length);
    await check(stats.body.summary, expectedOfProposals(led), false, keys.leader);
  });

  it("a new event is in the figures at the next read", async () => {
    const open = facts.find((f) => f.parts.some((p) => p.overdueNow && p.unitId === "water"));
    expect(open).toBeDefined();
    const before = (await api.call("GET", "/v1/stats?groupBy=unit", { key: keys.staff })).body.rows.find(
      (row: Row) => row.key === "water",
    );
    await ok(open?.id as string, keys.water, {
      type: "handle.contact",
      channel: "phone",
      contactedAt: now.toISOString(),
      summary: "s",
    });
    await ok(open?.id as string, keys.water, {
      type: "handle.reply",
      classification: "A",
      text: "迟复。",
      signedOffBy: "主任",
    });
    const after = (await api.call("GET", "/v1/stats?groupBy=unit", { key: keys.staff })).body.rows.find(
      (row: Row) => row.key === "water",
    );
    expect(after.replied.count).toBe(before.replied.count + 1);
    expect(after.repliedLate.count).toBe(before.repliedLate.count + 1);
    expect(after.overdueNow.count).toBe(before.overdueNow.count - 1);
    expect(after.overdueEver.count).toBe(before.overdueEver.count);
  });
});
