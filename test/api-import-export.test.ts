import exceljs from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApi } from "./support/api.ts";

/**
 * Issue 16's files over real HTTP: the directory and proposals imported from CSV and .xlsx (dry run, every bad row
 * reported, nothing written from a bad file, nothing doubled by a second import), and the exports (BOM, formula
 * cells escaped, a unit's file holding only its proposals, the .xlsx files opened and read back, the compilation
 * as a page, an export read back by the importer's dry run, and a large export streamed batch by batch).
 */
const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BATCH = 50;
const MAX_BYTES = 300_000;

let api: ApiHarness;
let keys: Record<"staff" | "proposer" | "water" | "roads" | "leader", string>;
/** Batches the exports have written, and a gate a test may hold the next one behind. */
const exportProgress = { batches: 0, gate: undefined as Promise<void> | undefined };

beforeAll(async () => {
  api = await startApi({
    overrides: {
      exportBatchSize: BATCH,
      onExportBatch: async () => {
        exportProgress.batches++;
        await exportProgress.gate;
      },
      importMaxBytes: MAX_BYTES,
    },
  });
  keys = {
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    water: await api.issueKey("unit", "clerk-1", "water"),
    roads: await api.issueKey("unit", "clerk-2", "roads"),
    leader: await api.issueKey("leader", "leader-1"),
  };
});

afterAll(async () => {
  await api.close();
});

interface FileAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

async function download(path: string, key: string): Promise<FileAnswer> {
  const response = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${key}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString("utf8") };
}

async function upload(path: string, body: Buffer | string, type: string, key = keys.staff) {
  const response = await fetch(`${api.base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": type },
    body: typeof body === "string" ? body : new Uint8Array(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
  return { status: response.status, body: (await response.json()) as any };
}

/** A CSV as a spreadsheet writes one: rows of cells, quoted. */
const csvOf = (rows: string[][]) =>
  `${rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n")}\r\n`;

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new exceljs.Workbook();
  const sheet = workbook.addWorksheet("导入");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function readXlsx(bytes: Buffer): Promise<{ sheets: string[]; rows: string[][] }> {
  const workbook = new exceljs.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    // Array.from: an empty cell is a hole in exceljs's values, read here as "".
    rows.push(Array.from((row.values as unknown[]).slice(1), (value) => (value == null ? "" : String(value))));
  });
  return { sheets: workbook.worksheets.map((each) => each.name), rows };
}

const send = (id: string, key: string, body: Record<string, unknown>) =>
  api.call("POST", `/v1/proposals/${id}/events`, { key, body });

const DIRECTORY = [
  ["类型", "编号", "姓名", "邮箱", "语言", "角色", "负责人编号", "分管领导编号"],
  ["人员", "head-water", "王局长", "head@example.org", "zh-CN", "unit:water", "", ""],
  ["人员", "clerk-9", "赵办事员", "", "", "unit:roads;staff", "", ""],
  ["单位", "water", "水务局", "", "", "", "head-water", "leader-1"],
  ["单位", "roads", "交通局", "", "", "", "", ""],
];

describe("importing the recipients directory", () => {
  it("reports every bad row of a file and writes nothing", async () => {
    const before = await api.database.prisma.person.count();
    const bad = await upload(
      "/v1/imports/directory?dryRun=false",
      csvOf([
        DIRECTORY[0] as string[],
        ["人员", "ok-1", "好人", "", "", "", "", ""],
        ["人员", "bad id", "", "x", "", "boss", "", ""],
        ["单位", "parks", "园林局", "", "", "", "nobody", ""],
      ]),
      CSV,
      api.adminKey,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("IMPORT_INVALID");
    const errors = bad.body.error.details.errors as { line: number; code: string; column: string }[];
    expect(new Set(errors.map((error) => error.line))).toEqual(new Set([3]));
    expect(errors.map((error) => error.column).sort()).toEqual(["姓名", "编号", "角色", "邮箱"].sort());
    // The unknown head is a reference the directory answers: reported once the rows themselves are sound.
    const unknownHead = await upload(
      "/v1/imports/directory?dryRun=false",
      csvOf([DIRECTORY[0] as string[], ["单位", "parks", "园林局", "", "", "", "nobody", ""]]),
      CSV,
      api.adminKey,
    );
    expect(unknownHead.status).toBe(422);
    expect(unknownHead.body.error.details.errors).toEqual([
      expect.objectContaining({ line: 2, code: "UNKNOWN_REFERENCE", column: "负责人编号" }),
    ]);
    expect(await api.database.prisma.person.count()).toBe(before);
    expect(await api.database.prisma.unit.count({ where: { id: "parks" } })).toBe(0);
  });

  it("dry-runs, imports, and imports the same file again without creating anything", async () => {
    const file = await xlsxOf(DIRECTORY);
    const dry = await upload("/v1/imports/directory", file, XLSX, api.adminKey);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, rows: 4, created: 4, unchanged: 0, errors: [] });
    expect(await api.database.prisma.unit.count({ where: { id: { in: ["water", "roads"] } } })).toBe(0);

    const done = await upload("/v1/imports/directory?dryRun=false", file, XLSX, api.adminKey);
    expect(done.body).toEqual({ dryRun: false, rows: 4, created: 4, unchanged: 0, errors: [] });
    const water = await api.call("GET", "/v1/directory/units/water");
    expect(water.body).toMatchObject({ name: "水务局", headPersonId: "head-water", supervisorLeaderId: "leader-1" });
    const clerk = await api.call("GET", "/v1/directory/people/clerk-9");
    expect(clerk.body.roles).toEqual(["staff", "unit:roads"]);

    const again = await upload("/v1/imports/directory?dryRun=false", file, XLSX, api.adminKey);
    expect(again.body).toEqual({ dryRun: false, rows: 4, created: 0, unchanged: 4, errors: [] });
    // Only the admin keeps the directory.
    expect((await upload("/v1/imports/directory", file, XLSX, keys.staff)).status).toBe(403);
  });
});

/** Proposals made through the API: a session, registered and assigned ones, one with a formula for a title. */
const made: Record<"water" | "roads" | "formula" | "draft", string> = { water: "", roads: "", formula: "", draft: "" };
let sessionId = "";

describe("exports", () => {
  beforeAll(async () => {
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const session = await api.call("POST", "/v1/committee-sessions", {
      body: {
        name: "十四届三次会议",
        startsOn: day(-30),
        endsOn: day(300),
        plenaryStartsOn: day(-1),
        plenaryEndsOn: day(1),
        numberPattern: "第{n:4}号",
      },
    });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const create = async (title: string) => {
      const created = await api.call("POST", "/v1/proposals", {
        key: keys.proposer,
        body: {
          title,
          reasons: "群众反映强烈，需要统筹解决。",
          suggestions: ["加强统筹", "加大投入"],
          category: "livelihood",
          proposers: [{ id: "member-1", name: "张委员" }, { id: "member-2" }],
          submit: true,
        },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    made.water = await create("关于改善城区供水的建议");
    made.roads = await create("关于优化公交线路的建议");
    made.formula = await create('=HYPERLINK("http://evil.example","点击")');
    made.draft = await create("关于尚未立案事项的建议");
    for (const [id, unit] of [
      [made.water, "water"],
      [made.roads, "roads"],
      [made.formula, "water"],
    ] as const) {
      expect((await send(id, keys.staff, { type: "review.register", category: "livelihood" })).status).toBe(200);
      const assigned = await send(id, keys.staff, {
        type: "assign",
        mode: "sole",
        units: [{ unitId: unit, role: "lead" }],
      });
      expect(assigned.status).toBe(200);
    }
    // Water answers both of its proposals: one reply staff accept, one they have not seen yet; and a note of
    // supervision only the office and leaders may read.
    for (const id of [made.water, made.formula]) {
      expect((await send(id, keys.water, { type: "unit.acknowledge" })).status).toBe(200);
      const contact = {
        type: "handle.contact",
        channel: "phone",
        contactedAt: new Date().toISOString(),
        summary: "电话沟通",
      };
      expect((await send(id, keys.water, contact)).status).toBe(200);
    }
    const reply = (classification: string, text: string) => ({
      type: "handle.reply",
      classification,
      text,
      signedOffBy: "分管领导",
    });
    expect((await send(made.water, keys.water, reply("A", "已改造城区供水管网。"))).status).toBe(200);
    expect((await send(made.water, keys.staff, { type: "supervise.acceptReply" })).status).toBe(200);
    expect((await send(made.formula, keys.water, reply("B", "草稿答复待审"))).status).toBe(200);
    const note = { type: "supervise.record", mode: "online", note: "内部督办意见" };
    expect((await send(made.formula, keys.staff, note)).status).toBe(200);
    const pdf = Buffer.from("%PDF-1.7\n% 调研报告\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "utf8");
    const attached = await fetch(
      `${api.base}/v1/proposals/${made.water}/attachments?filename=${encodeURIComponent("供水调研报告.pdf")}`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${keys.proposer}`, "content-type": "application/pdf" },
        body: new Uint8Array(pdf),
      },
    );
    expect(attached.status).toBe(201);
  });

  it("writes CSV with a BOM, every proposal of the filter, and formula cells escaped", async () => {
    const file = await download(`/v1/exports/proposals?session=${sessionId}&order=asc`, keys.staff);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="proposals-.*\.csv"$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.text.slice(1).split("\r\n");
    expect(lines[0]).toMatch(/^编号,提案ID,届次,提交时段,标题,/);
    for (const id of Object.values(made)) expect(file.text).toContain(id);
    expect(file.text).toContain("第0001号");
    expect(file.text).toContain("张委员;member-2");
    expect(file.text).toContain("水务局(主办)");
    // The formula is text: a leading apostrophe, and no cell starts with "=".
    expect(file.text).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
    expect(file.text).not.toMatch(/(^|,)"?=/m);
  });

  it("gives a unit a file of its own proposals only, and no other unit's list", async () => {
    const mine = await download("/v1/exports/proposals", keys.water);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(made.water);
    expect(mine.text).toContain(made.formula);
    expect(mine.text).not.toContain(made.roads);
    expect(mine.text).not.toContain(made.draft);

    const list = await download(`/v1/exports/assignments?unitId=water&sessionId=${sessionId}&format=xlsx`, keys.water);
    expect(list.status).toBe(200);
    expect(list.headers.get("content-type")).toBe(XLSX);
    const { sheets, rows } = await readXlsx(list.bytes);
    expect(sheets).toEqual(["交办清单"]);
    expect(rows[0]?.slice(0, 4)).toEqual(["编号", "提案ID", "标题", "提案者"]);
    expect(
      rows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([made.water, made.formula].sort());
    expect(rows.find((row) => row[1] === made.formula)?.[2]).toBe(`'=HYPERLINK("http://evil.example","点击")`);

    // A unit's list has its own replies' grades from the start, accepted or not.
    const grade = (id: string) => rows.find((row) => row[1] === id)?.[10];
    expect([grade(made.water), grade(made.formula)]).toEqual(["A", "B"]);

    const other = await download("/v1/exports/assignments?unitId=roads", keys.water);
    expect(other.status).toBe(404);
    const staffView = await download("/v1/exports/assignments?unitId=roads", keys.staff);
    expect(staffView.text).toContain(made.roads);
    expect(staffView.text).not.toContain(made.water);
  });

  it("gives the proposers their proposals with the replies staff accepted only", async () => {
    const file = await download("/v1/exports/proposals?format=xlsx", keys.proposer);
    expect(file.status).toBe(200);
    const { rows } = await readXlsx(file.bytes);
    const header = rows[0] ?? [];
    const grade = (id: string) => rows.find((row) => row[1] === id)?.[header.indexOf("答复类别")];
    expect(
      rows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual(Object.values(made).sort());
    expect([grade(made.water), grade(made.formula)]).toEqual(["A", ""]);
    const csv = await download("/v1/exports/proposals", keys.proposer);
    expect(csv.text).toContain(made.formula);
    expect(csv.text).not.toContain("内部督办意见");
    expect(csv.text).not.toContain("草稿答复待审");
    const staff = await readXlsx(
      (await download(`/v1/exports/proposals?format=xlsx&session=${sessionId}`, keys.staff)).bytes,
    );
    expect(staff.rows.find((row) => row[1] === made.formula)?.[header.indexOf("答复类别")]).toBe("B");
  });

  it("round-trips: an export, CSV or .xlsx, passes the importer's dry run", async () => {
    const csv = await download(`/v1/exports/proposals?session=${sessionId}`, keys.staff);
    const dryCsv = await upload("/v1/imports/proposals?source=other-deployment", csv.bytes, CSV);
    expect(dryCsv.status).toBe(200);
    expect(dryCsv.body).toEqual({ dryRun: true, rows: 4, created: 4, unchanged: 0, errors: [] });

    const xlsx = await download(`/v1/exports/proposals?session=${sessionId}&format=xlsx`, keys.staff);
    const { rows } = await readXlsx(xlsx.bytes);
    expect(rows).toHaveLength(5);
    const dryXlsx = await upload("/v1/imports/proposals?source=other-deployment", xlsx.bytes, XLSX);
    expect(dryXlsx.body).toEqual({ dryRun: true, rows: 4, created: 4, unchanged: 0, errors: [] });
  });

  it("writes the compilation as a page to print, with no script, and as a table", async () => {
    const page = await download(`/v1/exports/compilation?sessionId=${sessionId}`, keys.staff);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.text).toContain("@media print");
    expect(page.text).toContain("十四届三次会议提案汇编");
    // The registered ones, in number order; the draft (not registered) is not in it.
    const order = [made.water, made.roads, made.formula].map((id) => page.text.indexOf(`id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.text).not.toContain(made.draft);
    expect(page.text).toContain("=HYPERLINK(&quot;http://evil.example&quot;,&quot;点击&quot;)");
    expect(page.text).toContain("共 3 件");
    expect(page.text).toContain("<li>供水调研报告.pdf</li>");
    // The replies the committee accepted, and nothing it has not (nor any internal note).
    expect(page.text).toContain("已改造城区供水管网。");
    expect(page.text).not.toContain("草稿答复待审");
    expect(page.text).not.toContain("内部督办意见");

    const table = await download(`/v1/exports/compilation?sessionId=${sessionId}&format=xlsx`, keys.leader);
    expect(table.status).toBe(200);
    const { rows } = await readXlsx(table.bytes);
    // A leader's compilation holds what it sees: the proposals of the unit it supervises (water's supervising
    // leader is leader-1, from the directory import), not roads'.
    expect(rows[0]).toContain("附件");
    expect(
      rows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([made.water, made.formula].sort());
    expect(rows.find((row) => row[1] === made.water)?.at(-1)).toBe("供水调研报告.pdf");
    expect((await download(`/v1/exports/compilation?sessionId=${sessionId}`, keys.water)).status).toBe(403);
    expect((await download("/v1/exports/compilation?sessionId=nope", keys.staff)).status).toBe(404);
  });

  it("writes the statistics as tables, one sheet per breakdown", async () => {
    const file = await download("/v1/exports/stats?format=xlsx", keys.staff);
    expect(file.status).toBe(200);
    const workbook = new exceljs.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe("summary");
    expect(names).toContain("proposals.byStage");
    const byStage = workbook.getWorksheet("proposals.byStage");
    expect(byStage?.getRow(1).getCell(1).text).toBe("key");
    // The four proposals of the exports' tests, by stage.
    const counts = (byStage?.getRows(2, (byStage?.rowCount ?? 1) - 1) ?? []).map((row) => Number(row.getCell(2).text));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(4);
    const csv = await download("/v1/exports/stats", keys.staff);
    expect(csv.text.startsWith("\uFEFFfigure,value\r\n")).toBe(true);
    expect((await download("/v1/exports/stats", keys.water)).status).toBe(403);
  });
});

const PROPOSAL_HEADERS = ["外部编号", "标题", "理由", "建议", "提案者编号", "提案者", "提案者类型", "来源渠道", "类别"];
const good = (n: number) => [
  `pp-${n}`,
  `关于第${n}条提案线索的建议`,
  "公众平台收集的线索。",
  "建议一\n建议二",
  `member-${n};member-1`,
  `委员${n};张委员`,
  "联名",
  "提案线索",
  "livelihood",
];

/**
 * A zip whose one entry declares that it expands to `declared` bytes (a zip bomb's directory): enough for the
 * importer's check, which reads the central directory and inflates nothing.
 */
function zipDeclaring(declared: number): Buffer {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const data = Buffer.from("<x/>");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe("importing proposals", () => {
  const imported = () =>
    api.database.prisma.proposal.count({ where: { createdBy: { startsWith: "integrator:import." } } });

  it("imports nothing from a file with bad rows, and reports each row", async () => {
    const file = csvOf([
      PROPOSAL_HEADERS,
      good(1),
      ["pp-2", "", "理由", "建议", "member-2", "", "", "", "livelihood"],
      good(3),
      ["pp-4", "关于第4条的建议", "", "", "member-4", "", "", "", "livelihood"],
      ["pp-1", "重复", "理由", "建议", "member-5", "", "神仙", "", "livelihood"],
    ]);
    const answer = await upload("/v1/imports/proposals?dryRun=false&source=public-platform", file, CSV);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("IMPORT_INVALID");
    const errors = answer.body.error.details.errors as { line: number; code: string }[];
    expect([...new Set(errors.map((error) => error.line))]).toEqual([3, 5, 6]);
    expect(errors.filter((error) => error.line === 6).map((error) => error.code)).toEqual([
      "DUPLICATE_KEY",
      "INVALID_VALUE",
    ]);
    // Row 5 is well-formed but incomplete: the workflow's own check of a submission refuses it.
    expect(errors.find((error) => error.line === 5)?.code).toBe("CONTENT_INCOMPLETE");
    expect(await imported()).toBe(0);
  });

  it("creates and submits each proposal through the workflow, and a second import creates nothing", async () => {
    const file = await xlsxOf([PROPOSAL_HEADERS, good(1), good(2), good(3)]);
    const dry = await upload("/v1/imports/proposals?source=public-platform", file, XLSX);
    expect(dry.body).toEqual({ dryRun: true, rows: 3, created: 3, unchanged: 0, errors: [] });
    expect(await imported()).toBe(0);

    const done = await upload("/v1/imports/proposals?dryRun=false&source=public-platform", file, XLSX);
    expect(done.body).toEqual({ dryRun: false, rows: 3, created: 3, unchanged: 0, errors: [] });
    expect(await imported()).toBe(3);
    const row = await api.database.prisma.proposal.findFirstOrThrow({ where: { externalId: "pp-2" } });
    const view = await api.call("GET", `/v1/proposals/${row.id}`, { key: keys.staff });
    expect(view.body).toMatchObject({
      stage: "review",
      sessionId,
      proposerType: "joint",
      sourceChannel: "public-platform",
      proposers: [
        { id: "member-2", name: "委员2" },
        { id: "member-1", name: "张委员" },
      ],
    });
    expect(view.body.deadlines.map((deadline: { kind: string }) => deadline.kind)).toContain("review");
    const history = await api.call("GET", `/v1/proposals/${row.id}/history`, { key: keys.staff });
    expect(history.body.items.map((entry: { type: string }) => entry.type)).toEqual(["create", "submit"]);
    // The lead proposer sees it as theirs.
    expect((await api.call("GET", `/v1/proposals/${row.id}`, { key: keys.proposer })).status).toBe(200);

    const again = await upload("/v1/imports/proposals?dryRun=false&source=public-platform", file, XLSX);
    expect(again.body).toEqual({ dryRun: false, rows: 3, created: 0, unchanged: 3, errors: [] });
    const csvAgain = await upload(
      "/v1/imports/proposals?dryRun=false&source=public-platform",
      csvOf([PROPOSAL_HEADERS, good(1), good(2), good(3)]),
      CSV,
    );
    expect(csvAgain.body).toMatchObject({ created: 0, unchanged: 3 });
    expect(await imported()).toBe(3);
    // Another source's ids are its own.
    const other = await upload("/v1/imports/proposals?dryRun=true&source=previous-system", file, XLSX);
    expect(other.body).toMatchObject({ created: 3, unchanged: 0 });
  });

  it("creates each proposal once when the same file is imported many times at once", async () => {
    const file = csvOf([PROPOSAL_HEADERS, good(11), good(12)]);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => upload("/v1/imports/proposals?dryRun=false&source=clues", file, CSV)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(answers.reduce((sum, answer) => sum + answer.body.created, 0)).toBe(2);
    const rows = await api.database.prisma.proposal.findMany({
      where: { createdBy: "integrator:import.default.clues" },
      select: { id: true, version: true, stage: true },
    });
    // Two proposals, each submitted once (create + submit: version 2).
    expect(rows.map((row) => [row.version, row.stage])).toEqual([
      [2, "review"],
      [2, "review"],
    ]);
  });

  it("answers a bad file with a 4xx and a stable code, never a 5xx", async () => {
    const attempts: [Buffer | string, string, number, string][] = [
      [Buffer.from([0xb9, 0xd8, 0xd3, 0xda, 0x2c, 0x0a]), CSV, 422, "IMPORT_UNREADABLE"], // GBK, not UTF-8
      ['"unclosed,quote\n', CSV, 422, "IMPORT_UNREADABLE"],
      [Buffer.from("PK\u0003\u0004 not really a zip"), XLSX, 422, "IMPORT_UNREADABLE"],
      ["", CSV, 422, "IMPORT_UNREADABLE"],
      ['{"rows":[]}', "application/json", 415, "IMPORT_UNSUPPORTED_TYPE"],
      [`a,b\n${"x,y\n".repeat(MAX_BYTES / 4 + 10)}`, CSV, 413, "IMPORT_TOO_LARGE"],
      [csvOf([["名字"], ["x"]]), CSV, 422, "IMPORT_INVALID"],
      [zipDeclaring(200 * 1024 * 1024), XLSX, 413, "IMPORT_TOO_LARGE"],
      [zipDeclaring(100), XLSX, 422, "IMPORT_UNREADABLE"],
    ];
    for (const [body, type, status, code] of attempts) {
      const answer = await upload("/v1/imports/proposals?dryRun=false", body, type);
      expect([answer.status, answer.body.error?.code], code).toEqual([status, code]);
    }
    expect((await upload("/v1/imports/proposals", csvOf([PROPOSAL_HEADERS]), CSV, keys.water)).status).toBe(403);
  });
});

describe("a large export", () => {
  it("streams: the first bytes arrive while the rows are still being read, one batch at a time", async () => {
    const total = 3000;
    // Seeded in bulk (SQL), not through the engine: the export reads rows, not workflows.
    await api.database.pool.query(
      `INSERT INTO proposals (id, committee_id, machine_version, snapshot, stage, states, version, title, proposer_id,
                              unit_ids, updated_at)
       SELECT 'p_seed' || lpad(n::text, 6, '0'), 'default', '1.2.0', '{}'::jsonb, 'review', '{review}', 1,
              '批量种子提案 ' || n, 'member-' || n, '{}', now()
         FROM generate_series(1, $1) AS n`,
      [total],
    );
    let open: () => void = () => {};
    exportProgress.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    exportProgress.batches = 0;
    // The gate opens when the first bytes arrive, or after a generous wait when they do not (an export that
    // buffers the whole file): then the assertion below fails rather than the test hanging.
    const fallback = setTimeout(() => open(), 30_000);
    const response = await fetch(`${api.base}/v1/exports/proposals?q=${encodeURIComponent("批量种子提案")}`, {
      headers: { authorization: `Bearer ${keys.staff}` },
    });
    expect(response.headers.get("content-length")).toBeNull();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    const batchesAtFirstBytes = exportProgress.batches;
    open();
    clearTimeout(fallback);
    expect(first.done).toBe(false);
    // The server had read one batch of the 60 when the client got the first bytes: it does not hold the file.
    expect(batchesAtFirstBytes).toBeLessThanOrEqual(1);
    const chunks = [Buffer.from(first.value as Uint8Array)];
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(Buffer.from(next.value));
    }
    exportProgress.gate = undefined;
    const lines = Buffer.concat(chunks).toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(total + 1);
    expect(exportProgress.batches).toBe(total / BATCH);

    // The same rows through exceljs's streaming writer: a workbook Excel opens, every row in it.
    const xlsx = await download(
      `/v1/exports/proposals?format=xlsx&q=${encodeURIComponent("批量种子提案")}`,
      keys.staff,
    );
    expect(xlsx.headers.get("content-length")).toBeNull();
    const { rows } = await readXlsx(xlsx.bytes);
    expect(rows).toHaveLength(total + 1);
    expect(new Set(rows.slice(1).map((row) => row[1])).size).toBe(total);
  });
});
