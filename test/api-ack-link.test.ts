import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ackLink } from "../packages/notify/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";

/**
 * The acknowledge link of an e-mail over real HTTP: opening it changes nothing (mail scanners fetch links), its
 * button acknowledges, and a link huiyin did not sign, or one past its expiry, is refused with a stable code.
 */
const secret = "a-link-secret-of-at-least-32-characters";
let api: ApiHarness;
let contract: Contract;

beforeAll(async () => {
  api = await startApi({ overrides: { ackLinkSecret: secret } });
  contract = await openApiContract(api);
  await api.database.prisma.person.create({
    data: { id: "li", name: "Li Ming", email: "li@x.example", language: "en" },
  });
});

afterAll(async () => {
  await api.close();
});

let counter = 0;
async function notice(): Promise<string> {
  counter += 1;
  const id = `p_ack${counter}.9.0`;
  await api.database.prisma.notice.create({
    data: {
      id,
      proposalId: `p_ack${counter}`,
      deadlineId: "d-reply",
      kind: "deadline.escalation",
      level: 2,
      recipients: [{ role: "supervising-leader" }],
      content: {},
    },
  });
  return id;
}

const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
const linkFor = (id: string, now = new Date()) => pathOf(ackLink("https://huiyin.example", secret, id, "li", now));
const asBrowser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const stateOf = (id: string) =>
  api.database.prisma.notice.findUniqueOrThrow({
    where: { id },
    select: { acknowledgedAt: true, acknowledgedBy: true },
  });

async function fetchText(method: string, path: string, headers: Record<string, string> = asBrowser) {
  const response = await fetch(`${api.base}${path}`, { method, headers });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

describe("GET /v1/notifications/:id/ack-link", () => {
  it("shows a confirmation page with a button that POSTs, and acknowledges nothing", async () => {
    const id = await notice();
    const path = linkFor(id);
    for (let fetches = 0; fetches < 3; fetches += 1) {
      const page = await fetchText("GET", path);
      expect(page.status).toBe(200);
      expect(page.type).toContain("text/html");
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain("Acknowledge this notice");
    }
    expect(await stateOf(id)).toEqual({ acknowledgedAt: null, acknowledgedBy: null });
  });
});

describe("POST /v1/notifications/:id/ack-link", () => {
  it("acknowledges the notice for the person the link was signed for; the first acknowledgement stands", async () => {
    const id = await notice();
    const path = linkFor(id);
    const done = await fetchText("POST", path);
    expect(done.status).toBe(200);
    expect(done.text).toContain("Acknowledged.");
    const first = await stateOf(id);
    expect(first).toMatchObject({ acknowledgedBy: "person:li" });
    expect(first.acknowledgedAt).not.toBeNull();

    const again = await api.call("POST", path, { key: null, headers: { accept: "application/json" } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      id,
      proposalId: id.split(".")[0],
      kind: "deadline.escalation",
      level: 2,
      acknowledgedAt: first.acknowledgedAt?.toISOString(),
      acknowledgedBy: "person:li",
    });
    const read = await api.call("GET", path, { key: null, headers: { accept: "application/json" } });
    expect(read.body).toEqual(again.body);
    contract.expectConforms("POST", "/v1/notifications/{id}/ack-link", again);
    contract.expectConforms("GET", "/v1/notifications/{id}/ack-link", read);
    expect(await stateOf(id)).toEqual(first);
    // Opened again later, the page says so instead of offering the button.
    const page = await fetchText("GET", path);
    expect(page.text).toContain("was acknowledged at");
    expect(page.text).not.toContain("<form");
  });
});

describe("a link huiyin did not write, or one too old", () => {
  it("is refused: 403 ACK_LINK_INVALID, 410 ACK_LINK_EXPIRED, 400 INVALID_QUERY, 404; nothing changes", async () => {
    const id = await notice();
    const good = new URL(`https://x${linkFor(id)}`);
    const variant = (name: string, value: string) => {
      const url = new URL(good);
      url.searchParams.set(name, value);
      return `${url.pathname}${url.search}`;
    };
    const json = { key: null, headers: { accept: "application/json" } };
    const cases: [string, number, string][] = [
      [variant("person", "wang"), 403, "ACK_LINK_INVALID"],
      // A different first character: it carries six whole bits (the last one's low bits may be padding), and
      // it differs whatever the real signature starts with.
      [variant("sig", tampered(good.searchParams.get("sig") ?? "")), 403, "ACK_LINK_INVALID"],
      // Extending a link breaks its signature.
      [variant("exp", String(Number(good.searchParams.get("exp")) + 86_400)), 403, "ACK_LINK_INVALID"],
      [linkFor(id, new Date(Date.now() - 31 * 24 * 3600 * 1000)), 410, "ACK_LINK_EXPIRED"],
      [variant("sig", "short"), 400, "INVALID_QUERY"],
      [variant("exp", "soon"), 400, "INVALID_QUERY"],
      [`/v1/notifications/${id}/ack-link`, 400, "INVALID_QUERY"],
      [linkFor("p_nothing.1.0"), 404, "NOT_FOUND"],
    ];
    for (const [path, status, code] of cases) {
      for (const method of ["GET", "POST"]) {
        const answer = await api.call(method, path, json);
        expect([method, path, answer.status, answer.body?.error?.code]).toEqual([method, path, status, code]);
        contract.expectConforms(method, "/v1/notifications/{id}/ack-link", answer);
      }
    }
    // A person who clicked sees a page with the same status and code.
    const expired = await fetchText("POST", linkFor(id, new Date(Date.now() - 31 * 24 * 3600 * 1000)));
    expect([expired.status, expired.type.includes("text/html"), expired.text.includes("ACK_LINK_EXPIRED")]).toEqual([
      410,
      true,
      true,
    ]);
    expect(await stateOf(id)).toEqual({ acknowledgedAt: null, acknowledgedBy: null });
  });

  it("is refused everywhere when the API has no link secret", async () => {
    const id = await notice();
    const without = await startApi();
    try {
      const answer = await without.call("POST", linkFor(id), { key: null, headers: { accept: "application/json" } });
      expect([answer.status, answer.body.error.code]).toEqual([403, "ACK_LINK_INVALID"]);
    } finally {
      await without.close();
    }
  });
});

function tampered(signature: string): string {
  return `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
}
