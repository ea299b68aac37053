import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directoryStore } from "../services/api/src/index.ts";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * Attachments over HTTP against real PostgreSQL and Redis: the proposer's supporting PDF at submission, the
 * lead unit's reply letter (答复函), seen as the reply is (the proposer only once staff accept it, never a returned
 * draft's letter; not another unit), downloaded byte for byte as a download; forged and oversized files refused
 * with nothing stored.
 */
let api: ApiHarness;
let contract: Contract;
let storeDir: string;
let keys: Record<"proposer" | "staff" | "housing" | "finance" | "police", string>;
let id: string;

const MAX_BYTES = 64 * 1024;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n`, "utf8");
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const SUPPORTING = pdf("社区养老服务调研报告");
const DRAFT_LETTER = pdf("答复函 初稿");
const LETTER = pdf("答复函 盖章 正式");
const OPINION = pdf("会办意见");

beforeAll(async () => {
  storeDir = await mkdtemp(path.join(tmpdir(), "huiyin-attachments-test-"));
  api = await startApi({ overrides: { attachments: { store: directoryStore(storeDir), maxBytes: MAX_BYTES } } });
  contract = await openApiContract(api);
  keys = {
    proposer: await api.issueKey("proposer", "member-an"),
    staff: await api.issueKey("staff", "office-qin"),
    housing: await api.issueKey("unit", "clerk-housing", "housing"),
    finance: await api.issueKey("unit", "clerk-finance", "finance"),
    police: await api.issueKey("unit", "clerk-police", "police"),
  };
  const created = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄化加快。",
      suggestions: ["增设日间照料中心"],
      category: "livelihood",
      proposers: [{ id: "member-an" }],
    },
  });
  expect(created.status).toBe(201);
  id = created.body.id;
});

afterAll(async () => {
  await api.close();
  await rm(storeDir, { recursive: true, force: true });
});

function upload(key: string, bytes: Buffer, type: string, filename: string, proposal = id): Promise<ApiResponse> {
  return fetch(`${api.base}/v1/proposals/${proposal}/attachments?filename=${encodeURIComponent(filename)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": type },
    body: bytes,
  }).then(async (response) => ({
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ApiResponse["body"],
  }));
}

async function uploaded(key: string, bytes: Buffer, filename: string): Promise<string> {
  const response = await upload(key, bytes, "application/pdf", filename);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function download(key: string, attachment: string) {
  const response = await fetch(`${api.base}/v1/attachments/${attachment}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function send(key: string, body: Record<string, unknown>, status = 200) {
  const response = await api.call("POST", `/v1/proposals/${id}/events`, { key, body });
  expect(response.status, `${String(body.type)}: ${JSON.stringify(response.body)}`).toBe(status);
  return response;
}

const listed = async (key: string) => {
  const response = await api.call("GET", `/v1/proposals/${id}/attachments`, { key });
  expect(response.status).toBe(200);
  return response.body.items.map((item: { id: string }) => item.id);
};

/** Every stored file of the directory store (the staging folder must be empty between uploads). */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storeDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe("attachments", () => {
  let supporting: string;
  let draftLetter: string;
  let letter: string;
  let opinion: string;

  it("the proposer uploads a supporting PDF and submits with it; its facts come back with its SHA-256", async () => {
    const response = await upload(keys.proposer, SUPPORTING, "application/pdf", "调研报告.pdf");
    expect(response.status).toBe(201);
    contract.expectConforms("POST", "/v1/proposals/{id}/attachments", response);
    supporting = response.body.id;
    expect(response.headers.get("location")).toBe(`/v1/attachments/${supporting}`);
    expect(response.body).toMatchObject({
      proposalId: id,
      filename: "调研报告.pdf",
      contentType: "application/pdf",
      size: SUPPORTING.length,
      sha256: sha256(SUPPORTING),
      uploadedBy: { role: "proposer", id: "member-an" },
      events: [],
    });
    await send(keys.proposer, { type: "submit", attachmentIds: [supporting] });
    const history = await api.call("GET", `/v1/proposals/${id}/history`, { key: keys.proposer });
    expect(history.body.items.at(-1)).toMatchObject({ type: "submit", payload: { attachmentIds: [supporting] } });
    expect(await listed(keys.proposer)).toEqual([supporting]);
    expect(await storedFiles()).toHaveLength(1);
  });

  it("refuses HTML bytes declared as a PDF, a type off the list, a file over the limit; nothing is stored", async () => {
    const rows = await api.database.prisma.attachment.count();
    const html = Buffer.from("<!DOCTYPE html><html><script>fetch('/v1/whoami')</script></html>");
    const fake = await upload(keys.proposer, html, "application/pdf", "答复函.pdf");
    expect(fake.status).toBe(422);
    expect(fake.body.error).toMatchObject({ code: "ATTACHMENT_CONTENT_MISMATCH", details: { detected: null } });
    contract.expectConforms("POST", "/v1/proposals/{id}/attachments", fake);
    const htmlType = await upload(keys.proposer, html, "text/html", "page.html");
    expect(htmlType.status).toBe(415);
    expect(htmlType.body.error.code).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    contract.expectConforms("POST", "/v1/proposals/{id}/attachments", htmlType);
    const big = Buffer.concat([pdf("大文件"), Buffer.alloc(MAX_BYTES)]);
    const tooLarge = await upload(keys.proposer, big, "application/pdf", "big.pdf");
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatchObject({ code: "ATTACHMENT_TOO_LARGE", details: { maxBytes: MAX_BYTES } });
    contract.expectConforms("POST", "/v1/proposals/{id}/attachments", tooLarge);

    // Without a Content-Length (chunked), the limit holds on the bytes that arrive.
    const streamed = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${api.base}/v1/proposals/${id}/attachments?filename=big.pdf`, {
        method: "POST",
        headers: { authorization: `Bearer ${keys.proposer}`, "content-type": "application/pdf" },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The server may close the socket while we still write: the answer is what counts.
      request.on("error", (error) => (request.writableEnded ? undefined : reject(error)));
      request.write(pdf("分块"));
      for (let sent = 0; sent <= MAX_BYTES; sent += 8 * 1024) request.write(Buffer.alloc(8 * 1024));
      request.end();
    });
    expect(streamed).toBe(413);

    expect(await api.database.prisma.attachment.count()).toBe(rows);
    expect(await storedFiles()).toHaveLength(1);
  });

  it("the units attach their own letters to their events; another party's file is refused and changes nothing", async () => {
    await send(keys.staff, { type: "review.register", category: "livelihood" });
    await send(keys.staff, {
      type: "assign",
      mode: "lead-co",
      units: [
        { unitId: "housing", role: "lead" },
        { unitId: "finance", role: "co" },
      ],
    });
    await send(keys.finance, { type: "unit.acknowledge" });
    await send(keys.housing, { type: "unit.acknowledge" });
    opinion = await uploaded(keys.finance, OPINION, "会办意见.pdf");
    await send(keys.finance, { type: "handle.coOpinion", opinion: "可安排专项资金。", attachmentIds: [opinion] });
    await send(keys.housing, {
      type: "handle.contact",
      channel: "visit",
      contactedAt: new Date().toISOString(),
      summary: "上门沟通",
    });
    draftLetter = await uploaded(keys.housing, DRAFT_LETTER, "答复函（初稿）.pdf");

    // The lead unit cannot send the proposer's file, nor the co-unit's, as its own.
    const before = await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff });
    const foreign = await send(
      keys.housing,
      {
        type: "handle.reply",
        classification: "A",
        text: "答复",
        signedOffBy: "局长",
        attachmentIds: [supporting, opinion],
      },
      422,
    );
    expect(foreign.body.error).toMatchObject({
      code: "ATTACHMENT_NOT_USABLE",
      details: { fields: [{ path: "attachmentIds.0" }, { path: "attachmentIds.1" }] },
    });
    const after = await api.call("GET", `/v1/proposals/${id}`, { key: keys.staff });
    expect(after.body.version).toBe(before.body.version);

    // Uploaded but not yet sent with the reply: the unit's and the back office's, nobody else's.
    expect((await download(keys.proposer, draftLetter)).status).toBe(404);
    expect((await download(keys.finance, draftLetter)).status).toBe(404);
    expect((await download(keys.housing, draftLetter)).status).toBe(200);

    await send(keys.housing, {
      type: "handle.reply",
      classification: "A",
      text: "初稿答复",
      signedOffBy: "局长",
      attachmentIds: [draftLetter],
    });
    await send(keys.staff, { type: "supervise.returnReply", reason: "请补充资金安排" });
    letter = await uploaded(keys.housing, LETTER, "关于第1号提案的答复函（盖章）.pdf");
    await send(keys.housing, {
      type: "handle.reply",
      classification: "A",
      text: "已安排专项资金。",
      signedOffBy: "局长",
      attachmentIds: [letter],
    });
  });

  it("hides the reply letter from the proposer until staff accept the reply, and from other units always", async () => {
    for (const attachment of [draftLetter, letter]) {
      const hidden = await download(keys.proposer, attachment);
      expect(hidden.status).toBe(404);
      // Exactly as an attachment that does not exist.
      const unknown = await download(keys.proposer, "att_00000000000000000000000000000000");
      expect(JSON.parse(hidden.bytes.toString()).error.code).toBe(JSON.parse(unknown.bytes.toString()).error.code);
      expect((await download(keys.finance, attachment)).status).toBe(404);
      expect((await download(keys.police, attachment)).status).toBe(404);
    }
    expect(await listed(keys.proposer)).toEqual([supporting]);
    // The co-unit sees the proposal's own file and its opinion's, not the lead's letters (its own part only).
    expect(await listed(keys.finance)).toEqual([supporting, opinion]);
    // The lead unit reads the co-unit's opinion, sent to it for its reply, and its letter.
    expect(await listed(keys.housing)).toEqual([supporting, opinion, draftLetter, letter]);
    expect((await download(keys.housing, opinion)).status).toBe(200);
    expect(await listed(keys.staff)).toEqual([supporting, opinion, draftLetter, letter]);
    // A unit the proposal is not assigned to sees none of it, not even that it exists.
    expect((await download(keys.police, supporting)).status).toBe(404);
    expect((await api.call("GET", `/v1/proposals/${id}/attachments`, { key: keys.police })).status).toBe(404);
    const police = await upload(keys.police, pdf("x"), "application/pdf", "x.pdf");
    expect(police.status).toBe(404);
  });

  it("after staff accept, the proposer downloads the same bytes, as a download that is never rendered", async () => {
    await send(keys.staff, { type: "supervise.acceptReply" });
    expect(await listed(keys.proposer)).toEqual([supporting, letter]);
    const got = await download(keys.proposer, letter);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(LETTER));
    expect(got.bytes.equals(LETTER)).toBe(true);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    const disposition = got.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("关于第1号提案的答复函（盖章）.pdf")}`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    expect(got.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(got.headers.get("etag")).toBe(`"${sha256(LETTER)}"`);
    // The returned draft's letter never reaches the proposer; the other units still see neither.
    expect((await download(keys.proposer, draftLetter)).status).toBe(404);
    expect((await download(keys.finance, letter)).status).toBe(404);
    expect((await download(keys.police, letter)).status).toBe(404);
    // The co-unit's opinion is not the proposers' (as its text is not).
    expect((await download(keys.proposer, opinion)).status).toBe(404);
    const list = await api.call("GET", `/v1/proposals/${id}/attachments`, { key: keys.proposer });
    contract.expectConforms("GET", "/v1/proposals/{id}/attachments", list);
    expect(list.body.items[1]).toMatchObject({ id: letter, events: [{ type: "handle.reply" }] });
  });

  it("audits the upload and every download of a reply letter", async () => {
    const uploads = await api.call("GET", `/v1/audit-log?action=attachment.upload&targetId=${letter}`);
    expect(uploads.body.items).toHaveLength(1);
    expect(uploads.body.items[0]).toMatchObject({
      outcome: "succeeded",
      target: { type: "attachment", id: letter },
      details: { proposalId: id, sha256: sha256(LETTER) },
    });
    const downloads = await api.call("GET", `/v1/audit-log?action=attachment.download&targetId=${letter}`);
    // housing could not download it before the reply (it was not yet a reply letter: not audited); the proposer once.
    const who = downloads.body.items.map((item: { actor: { actorId: string } }) => item.actor.actorId);
    expect(who).toContain("member-an");
    // The refused attempts (404) are not downloads.
    expect(who.filter((actor: string) => actor === "member-an")).toHaveLength(1);
    // The supporting document is not a reply letter: its downloads are not audited.
    await download(keys.staff, supporting);
    const plain = await api.call("GET", `/v1/audit-log?action=attachment.download&targetId=${supporting}`);
    expect(plain.body.items).toHaveLength(0);
  });

  it("disclosure lists the published events' files, withholds a redacted one, and serves only what is listed", async () => {
    const publicDownload = (attachment: string) =>
      fetch(`${api.base}/public/proposals/${id}/attachments/${attachment}`);
    const published = await api.call("POST", `/v1/proposals/${id}/publication`, {
      key: keys.staff,
      body: { redactions: [{ field: "attachments", find: supporting, reason: "含个人信息" }] },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    contract.expectConforms("POST", "/v1/proposals/{id}/publication", published);
    expect(published.body.content.attachments.map((file: { id: string }) => file.id)).toEqual([letter]);
    expect(published.body.redactions).toEqual([
      { field: "attachments", length: supporting.length, occurrences: 1, reason: "含个人信息" },
    ]);
    const item = await api.call("GET", `/public/proposals/${id}`, { key: null });
    contract.expectConforms("GET", "/public/proposals/{id}", item);
    expect(item.body.attachments).toEqual([
      {
        filename: "关于第1号提案的答复函（盖章）.pdf",
        contentType: "application/pdf",
        size: LETTER.length,
        sha256: sha256(LETTER),
        of: "reply",
        unitName: "housing",
        href: `/public/proposals/${id}/attachments/${letter}`,
      },
    ]);
    const got = await publicDownload(letter);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(LETTER));
    // The redacted file, the returned draft's letter and the co-unit's opinion are not public.
    for (const attachment of [supporting, draftLetter, opinion]) {
      const refused = await publicDownload(attachment);
      expect(refused.status, attachment).toBe(404);
      await refused.body?.cancel();
    }
    const redactedAway = await api.call("POST", `/v1/proposals/${id}/publication`, {
      key: keys.staff,
      body: { redactions: [{ field: "attachments", find: opinion, reason: "x" }] },
    });
    expect(redactedAway.status).toBe(422);
    expect(redactedAway.body.error.code).toBe("REDACTION_NOT_FOUND");
    // A withdrawal takes the files away with the text.
    expect(
      (await api.call("DELETE", `/v1/proposals/${id}/publication`, { key: keys.staff, body: { reason: "撤回" } }))
        .status,
    ).toBe(200);
    const withdrawn = await publicDownload(letter);
    expect(withdrawn.status).toBe(404);
    await withdrawn.body?.cancel();
  });
});
