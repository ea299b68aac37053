import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, type ApiResponse, startApi } from "./support/api.ts";
import { type Contract, openApiContract } from "./support/contract.ts";
import { hostileBody, snapshot } from "./support/hostile.ts";

/**
 * A generated-request fuzz over every operation of the OpenAPI document the api serves: malformed
 * percent-encodings and NUL in paths and queries, NUL and deep nesting in bodies (with an Idempotency-Key),
 * Content-Encoding claims on plain bodies, hostile bodies and query values, then concurrent requests on one
 * resource. No answer may be a 5xx; every refused request must change nothing (a snapshot of every table
 * before and after). The rate limit is far above what the run sends, so no path hides behind a 429.
 *
 * Seeded: the seed is printed, and API_FUZZ_SEED=<seed> replays a run. Bounded: about 2,700 requests, all to
 * 127.0.0.1, a few at a time.
 */
const SEED = Number(process.env.API_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isSafeInteger(SEED)) throw new Error(`API_FUZZ_SEED must be an integer, not ${process.env.API_FUZZ_SEED}`);
const PER_OPERATION = 64;
const IN_FLIGHT = 8;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

let api: ApiHarness;
let keys: Record<string, string>;
/** Ids that exist, per path parameter name, for the reads. */
let existing: Record<string, string[]>;
let contract: Contract;
// biome-ignore lint/suspicious/noExplicitAny: walking a JSON document
let document: any;

interface Operation {
  method: string;
  /** As the document names it: `/v1/proposals/{id}/events`. */
  template: string;
  pathParameters: string[];
  queryParameters: string[];
  hasBody: boolean;
  /** False for the e-mail link's operations (`security: []`): they sit before the API's JSON parser and read no body. */
  readsBodies: boolean;
}

beforeAll(async () => {
  console.info(`api-fuzz seed ${SEED} (replay: API_FUZZ_SEED=${SEED})`);
  api = await startApi({ rateLimitPerMinute: 1_000_000 });
  keys = {
    admin: api.adminKey,
    staff: await api.issueKey("staff", "staff-1"),
    proposer: await api.issueKey("proposer", "member-1"),
    integrator: await api.issueKey("integrator", "oa"),
    unit: await api.issueKey("unit", "clerk-1", "u-1"),
    leader: await api.issueKey("leader", "leader-9"),
    operator: await api.issueKey("operator", "ops"),
  };
  const proposal = await api.call("POST", "/v1/proposals", {
    key: keys.proposer,
    body: {
      title: "关于加强社区居家养老服务的建议",
      reasons: "老龄人口增加。",
      suggestions: ["增设社区日间照料中心"],
      category: "livelihood",
      proposers: [{ id: "member-1" }],
      submit: true,
    },
  });
  expect(proposal.status).toBe(201);
  const hook = await api.call("POST", "/v1/webhooks", {
    key: keys.integrator,
    body: { url: "https://example.org/hook", events: ["*"] },
  });
  expect(hook.status).toBe(201);
  expect((await api.call("PUT", "/v1/directory/people/wang", { body: { name: "王局长" } })).status).toBe(201);
  expect(
    (await api.call("PUT", "/v1/directory/units/u-1", { body: { name: "住建局", headPersonId: "wang" } })).status,
  ).toBe(201);
  expect((await api.call("PUT", "/v1/directory/roles/staff/people/wang")).status).toBe(201);
  existing = {
    id: [proposal.body.id, hook.body.id, "wang", "u-1"],
    label: ["staff", "unit:u-1"],
    personId: ["wang"],
  };
  contract = await openApiContract(api);
  document = contract.document;
});

afterAll(async () => {
  await api.close();
});

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [template, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as { parameters?: { name: string; in: string }[]; requestBody?: unknown; security?: [] };
      const parameters = operation.parameters ?? [];
      found.push({
        method: method.toUpperCase(),
        template,
        pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
        queryParameters: parameters.filter((p) => p.in === "query").map((p) => p.name),
        hasBody: operation.requestBody !== undefined,
        readsBodies: operation.security?.length !== 0,
      });
    }
  }
  return found;
}

const MALFORMED = ["%E0%A4%A", "%", "%zz", "%C3", "%ED%A0%80", "%FF", "a%E4%B8"];
const NUL = ["a%00b", "%00", "%00%ff"];
const QUERY_VALUES = [
  "",
  "1",
  "-1",
  "0",
  "201",
  "1e309",
  "abc",
  "p_0000",
  "长",
  "%F0%9F%98%80",
  "x".repeat(600),
  "true",
];
const CONTENT_ENCODINGS = ["gzip", "deflate", "br", "GZIP", "x-unknown", "compress", "identity, gzip"];
/** `%00%ff` holds a NUL and is not UTF-8: either refusal is right. */
const NUL_CODES = ["INVALID_CHARACTER", "MALFORMED_URL"];
const ENCODING_CODES = ["MALFORMED_BODY_ENCODING", "UNSUPPORTED_ENCODING"];

interface Planned {
  kind: string;
  method: string;
  template: string;
  path: string;
  key: string | null;
  body?: string;
  headers: Record<string, string>;
  /** The stable code the answer must carry, when the kind decides it before any handler runs. */
  codes?: string[];
}

/** An id that names nothing, so that a write the fuzz sends to it can only be refused. */
const unknownId = () => `zz-fuzz-${Math.floor(random() * 1e9)}`;

function deep(depth: number): string {
  const open = pick(["[", '{"a":']);
  return `{"title":${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}}`;
}

/** One hostile request to `operation`; `bodies` is a seeded pool of fast-check's hostile bodies. */
function plan(operation: Operation, bodies: readonly string[]): Planned {
  const reads = operation.method === "GET";
  const values: Record<string, string> = {};
  for (const name of operation.pathParameters) {
    values[name] = reads && random() < 0.5 ? encodeURIComponent(pick(existing[name] ?? ["x"])) : unknownId();
  }
  const query: string[] = [];
  const headers: Record<string, string> = {};
  let body: string | undefined;
  let codes: string[] | undefined;
  const kinds = [
    ...(operation.pathParameters.length > 0 ? ["path-malformed", "path-nul"] : []),
    "query-malformed",
    "query-nul",
    ...(reads ? ["query-random", "query-random"] : ["encoding-claim", "deep-idempotent", "body-nul", "hostile-body"]),
  ];
  const kind = pick(kinds);
  const parameter = pick(operation.pathParameters.length > 0 ? operation.pathParameters : ["id"]);
  const queryName = pick(operation.queryParameters.length > 0 ? operation.queryParameters : ["q", "cursor"]);
  switch (kind) {
    case "path-malformed":
      values[parameter] = pick(MALFORMED);
      codes = ["MALFORMED_URL"];
      break;
    case "path-nul":
      values[parameter] = pick(NUL);
      codes = NUL_CODES;
      break;
    case "query-malformed":
      query.push(`${queryName}=${pick(MALFORMED)}`);
      codes = ["MALFORMED_URL"];
      break;
    case "query-nul":
      query.push(`${queryName}=${pick(NUL)}`);
      codes = NUL_CODES;
      break;
    case "query-random":
      for (const name of operation.queryParameters) if (random() < 0.4) query.push(`${name}=${pick(QUERY_VALUES)}`);
      break;
    case "encoding-claim":
      headers["content-encoding"] = pick(CONTENT_ENCODINGS);
      body = JSON.stringify({ name: "x", title: "y" });
      codes = ENCODING_CODES;
      break;
    case "deep-idempotent":
      headers["idempotency-key"] = `fuzz-${Math.floor(random() * 1e9)}`;
      // Mostly within the body limit (10 kB in the harness), sometimes beyond it.
      body = deep(33 + Math.floor(random() * 2_000));
      codes = ["BODY_TOO_DEEP", "PAYLOAD_TOO_LARGE"];
      break;
    case "body-nul":
      headers["idempotency-key"] = `fuzz-${Math.floor(random() * 1e9)}`;
      body = JSON.stringify(
        pick([{ name: "a\u0000b" }, { title: "\u0000", proposers: [{ id: "m" }] }, ["\u0000"], { title: "\ud800" }]),
      );
      codes = ["INVALID_CHARACTER"];
      break;
    default:
      body = pick(bodies);
      if (random() < 0.5) headers["idempotency-key"] = `fuzz-${Math.floor(random() * 1e9)}`;
  }
  if (body !== undefined) headers["content-type"] = "application/json";
  if (body !== undefined && !operation.readsBodies) codes = undefined;
  const path =
    operation.template.replace(/\{(\w+)\}/g, (_whole, name: string) => values[name] ?? "x") +
    (query.length > 0 ? `?${query.join("&")}` : "");
  // Mostly the admin (who may do everything, so the request reaches the handlers); sometimes another role or none.
  const key = random() < 0.8 ? keys.admin : random() < 0.9 ? pick(Object.values(keys)) : null;
  return {
    kind,
    method: operation.method,
    template: operation.template,
    path,
    key: key ?? null,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(codes ? { codes } : {}),
  };
}

/** Sends the raw path (no URL normalisation: a malformed escape must reach the server as it is). */
async function send(request: Planned): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.key !== null) headers.authorization = `Bearer ${request.key}`;
  const response = await fetch(`${api.base}${request.path}`, {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }
  return results;
}

const describeRequest = (request: Planned, response: ApiResponse) =>
  `seed ${SEED}: ${request.kind} ${request.method} ${request.path} ${request.headers["content-encoding"] ?? ""} → ${
    response.status
  } ${JSON.stringify(response.body).slice(0, 300)}`;

describe("the refusals the fuzz relies on, one by one", () => {
  const raw = (method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${api.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${api.adminKey}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as { error?: { code: string } },
    }));

  it("malformed escapes, NUL, deep bodies and false compression claims get their 4xx; a real gzip body is read", async () => {
    const before = await snapshot(api.database);
    const cases: [Promise<{ status: number; body: { error?: { code: string } } }>, number, string][] = [
      [raw("GET", "/v1/proposals/%E0%A4%A"), 400, "MALFORMED_URL"],
      [raw("PUT", "/v1/directory/people/%E0%A4%A", '{"name":"x"}'), 400, "MALFORMED_URL"],
      [raw("GET", "/v1/proposals?q=a%00b"), 400, "INVALID_CHARACTER"],
      [raw("GET", "/v1/directory/people?cursor=%00%ff"), 400, "MALFORMED_URL"],
      [raw("GET", "/v1/directory/people/a%00b"), 400, "INVALID_CHARACTER"],
      [raw("PUT", "/v1/directory/people/nul", '{"name":"a\\u0000b"}'), 400, "INVALID_CHARACTER"],
      [
        raw("PUT", "/v1/directory/people/gz", '{"name":"x"}', { "content-encoding": "gzip" }),
        400,
        "MALFORMED_BODY_ENCODING",
      ],
      [
        raw("PUT", "/v1/directory/people/br", '{"name":"x"}', { "content-encoding": "br" }),
        400,
        "MALFORMED_BODY_ENCODING",
      ],
      [
        raw("PUT", "/v1/directory/people/df", '{"name":"x"}', { "content-encoding": "deflate" }),
        400,
        "MALFORMED_BODY_ENCODING",
      ],
      [
        raw("PUT", "/v1/directory/people/xx", '{"name":"x"}', { "content-encoding": "x-unknown" }),
        415,
        "UNSUPPORTED_ENCODING",
      ],
      [
        raw("POST", "/v1/proposals", `{"title":${"[".repeat(3_000)}${"]".repeat(3_000)}}`, {
          "idempotency-key": "deep-1",
        }),
        400,
        "BODY_TOO_DEEP",
      ],
    ];
    for (const [answer, status, code] of cases) {
      const { status: got, body } = await answer;
      expect({ got, code: body.error?.code }).toEqual({ got: status, code });
    }
    // Crafted cursors and numbers that pass a first parse but not PostgreSQL: a year it cannot hold, a NUL inside.
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const path of [
      `/v1/notifications?cursor=${cursor(["-200000-01-01T00:00:00.000Z", "n"])}`,
      `/v1/notifications?cursor=${cursor(["2026-01-01T00:00:00.000Z", "n\u0000"])}`,
      `/v1/notifications?cursor=${cursor(["2026-01-01T00:00:00.000Z", "\ud800"])}`,
      `/v1/proposals/${existing.id?.[0]}/history?after=99999999999999999999`,
      `/v1/proposals/${existing.id?.[0]}/history?after=1e20`,
    ]) {
      const answer = await api.call("GET", path);
      expect({ path, got: answer.status, code: answer.body.error?.code }).toEqual({
        path,
        got: 400,
        code: "INVALID_QUERY",
      });
    }
    // A lone surrogate (not Unicode): PostgreSQL's jsonb refuses it, as it refuses NUL.
    const surrogate = await api.call("POST", "/v1/proposals", {
      key: keys.integrator,
      body: { title: "关于\ud800的建议", proposers: [{ id: "member-1" }] },
    });
    expect({ got: surrogate.status, code: surrogate.body.error?.code }).toEqual({
      got: 400,
      code: "INVALID_CHARACTER",
    });
    expect(await snapshot(api.database)).toEqual(before);
    const zipped = await raw("PUT", "/v1/directory/people/zipped", gzipSync(JSON.stringify({ name: "压缩" })), {
      "content-encoding": "gzip",
    });
    expect(zipped.status).toBe(201);
  });
});

describe("generated requests over every operation of the OpenAPI document", () => {
  it("are refused with a 4xx and a stable code, never a 5xx, and change nothing", { timeout: 90_000 }, async () => {
    const all = operations();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const bodies = fc.sample(hostileBody, { seed: SEED, numRuns: 200 });
    const planned = all.flatMap((operation) => Array.from({ length: PER_OPERATION }, () => plan(operation, bodies)));
    const before = await snapshot(api.database);
    const answers = await inBatches(planned, IN_FLIGHT, async (request) => ({
      request,
      response: await send(request),
    }));
    const problems: string[] = [];
    for (const { request, response } of answers) {
      const isWrite = request.method !== "GET";
      const refusedAsItMustBe = isWrite ? response.status >= 400 && response.status < 500 : response.status < 500;
      const code = (response.body as { error?: { code?: string } } | undefined)?.error?.code;
      // A 429 would hide the path behind it: the run must stay within every limit the harness sets.
      if (!refusedAsItMustBe || response.status === 429 || (request.codes && !request.codes.includes(code ?? ""))) {
        problems.push(describeRequest(request, response));
      } else if (response.status >= 400 && !/^[A-Z_]+$/.test(code ?? "")) {
        problems.push(`no error shape: ${describeRequest(request, response)}`);
      } else {
        // The answer is one the document declares for the operation, in the declared shape.
        try {
          contract.expectConforms(request.method, request.template, response);
        } catch (error) {
          problems.push(`undocumented: ${describeRequest(request, response)}: ${String(error).slice(0, 200)}`);
        }
      }
    }
    expect(problems.slice(0, 40), `${problems.length} of ${answers.length} answers`).toEqual([]);
    expect(await snapshot(api.database)).toEqual(before);
    // Every operation was reached, and the run was as large as announced.
    expect(new Set(answers.map(({ request }) => `${request.method} ${request.template}`)).size).toBe(all.length);
    expect(answers.length).toBe(all.length * PER_OPERATION);
  });

  it("concurrent requests on one resource: never a 5xx, and one creation at most", { timeout: 60_000 }, async () => {
    const proposalBody = {
      title: "关于治理城市内涝的建议",
      reasons: "雨季积水严重。",
      suggestions: ["改造排水管网"],
      category: "environment",
      proposers: [{ id: "member-1" }],
    };
    const issued = await api.call("POST", "/v1/api-keys", { body: { role: "staff", actorId: "staff-2" } });
    const hook = await api.call("POST", "/v1/webhooks", {
      key: keys.integrator,
      body: { url: "https://example.org/other", events: ["*"] },
    });
    const submitted = await api.call("POST", "/v1/proposals", {
      key: keys.proposer,
      body: { ...proposalBody, submit: true },
    });
    expect([issued.status, hook.status, submitted.status]).toEqual([201, 201, 201]);
    for (const [id, email] of [
      ["fuzz-invitee", "invitee@fuzz.example"],
      ["fuzz-acceptor", "acceptor@fuzz.example"],
    ]) {
      expect((await api.call("PUT", `/v1/directory/people/${id}`, { body: { name: id, email } })).status).toBe(201);
    }
    const oaKey = await api.call("POST", "/v1/api-keys", { body: { role: "integrator", actorId: "oa-fuzz" } });
    const period = { from: "2030-01-01T00:00:00Z", until: "2030-01-08T00:00:00Z" };
    const delegation = await api.call("POST", "/v1/people/fuzz-acceptor/delegations", {
      body: { delegateId: "fuzz-invitee", ...period },
    });
    expect([oaKey.status, delegation.status]).toEqual([201, 201]);
    const savedFilter = await api.call("POST", "/v1/saved-filters", {
      body: { name: "待删除", query: "stage=review" },
    });
    expect(savedFilter.status).toBe(201);
    const invitation = await api.call("POST", "/v1/people/fuzz-acceptor/invitations");
    const invitationToken = new URL(invitation.body.link).hash.slice(1);
    // A subscription whose host never resolves (.invalid, RFC 2606): its pings leave nothing but a failed delivery.
    const pinged = await api.call("POST", "/v1/webhooks", {
      key: keys.integrator,
      body: { url: "https://hooks.huiyin.invalid/ping", events: ["proposal.closed"] },
    });
    const ping = await api.call("POST", `/v1/webhooks/${pinged.body.id}/ping`, { key: keys.integrator });
    expect([pinged.status, ping.status, ping.body.status]).toEqual([201, 200, "failed"]);
    /** The same request many times at once, for each write operation of the document. */
    const sameRequests: Record<
      string,
      { path: string; key?: string; body?: unknown; headers?: Record<string, string> }
    > = {
      "POST /v1/proposals": {
        path: "/v1/proposals",
        key: keys.integrator,
        body: proposalBody,
        headers: { "idempotency-key": "fuzz-same-create" },
      },
      "POST /v1/proposals/{id}/events": {
        path: `/v1/proposals/${submitted.body.id}/events`,
        key: keys.staff,
        body: { type: "review.register", category: "environment" },
        headers: { "idempotency-key": "fuzz-same-event" },
      },
      "POST /v1/batches": {
        path: "/v1/batches",
        key: keys.staff,
        body: { event: { type: "review.register", category: "environment" }, proposalIds: [submitted.body.id] },
        headers: { "idempotency-key": "fuzz-same-batch" },
      },
      // One session is created; the others overlap it (409 SESSION_OVERLAPS).
      "POST /v1/committee-sessions": {
        path: "/v1/committee-sessions",
        body: {
          name: "并发届次",
          startsOn: "2031-01-01",
          endsOn: "2031-12-31",
          plenaryStartsOn: "2031-01-10",
          plenaryEndsOn: "2031-01-12",
        },
      },
      "POST /v1/notifications/{id}/ack": { path: "/v1/notifications/zz-none/ack" },
      "POST /v1/notifications/{id}/ack-link": { path: "/v1/notifications/zz-none/ack-link?person=p&exp=1&sig=00" },
      "POST /v1/api-keys": { path: "/v1/api-keys", body: { role: "leader", actorId: "leader-2" } },
      "POST /v1/api-keys/{id}/revoke": { path: `/v1/api-keys/${issued.body.id}/revoke` },
      "POST /v1/webhooks": {
        path: "/v1/webhooks",
        key: keys.integrator,
        body: { url: "https://example.org/same", events: ["*"] },
        headers: { "idempotency-key": "fuzz-same-hook" },
      },
      "DELETE /v1/webhooks/{id}": { path: `/v1/webhooks/${hook.body.id}`, key: keys.integrator },
      "PATCH /v1/webhooks/{id}": {
        path: `/v1/webhooks/${pinged.body.id}`,
        key: keys.integrator,
        body: { events: ["proposal.stage"] },
      },
      "POST /v1/webhooks/{id}/secret": {
        path: `/v1/webhooks/${pinged.body.id}/secret`,
        key: keys.integrator,
        body: { overlapSeconds: 60 },
      },
      "POST /v1/webhooks/{id}/ping": { path: `/v1/webhooks/${pinged.body.id}/ping`, key: keys.integrator },
      "POST /v1/webhook-deliveries/{id}/redeliver": {
        path: `/v1/webhook-deliveries/${ping.body.id}/redeliver`,
        key: keys.integrator,
        headers: { "idempotency-key": "fuzz-same-redelivery" },
      },
      "PUT /v1/directory/people/{id}": { path: "/v1/directory/people/li", body: { name: "李主任" } },
      "DELETE /v1/directory/people/{id}": { path: "/v1/directory/people/li" },
      "PUT /v1/directory/units/{id}": { path: "/v1/directory/units/u-2", body: { name: "水务局" } },
      "DELETE /v1/directory/units/{id}": { path: "/v1/directory/units/u-2" },
      "PUT /v1/directory/roles/{label}/people/{personId}": { path: "/v1/directory/roles/staff-head/people/wang" },
      "DELETE /v1/directory/roles/{label}/people/{personId}": { path: "/v1/directory/roles/staff-head/people/wang" },
      "POST /v1/notice-deliveries/{id}/retry": { path: "/v1/notice-deliveries/999999/retry" },
      // Failed sign-ins at once (each counted, the lockout reached once); sign-out with a key (no session: 401).
      "POST /v1/session": {
        path: "/v1/session",
        body: { login: "invitee@fuzz.example", password: "not-the-password" },
      },
      "DELETE /v1/session": { path: "/v1/session" },
      // Each invitation withdraws the person's earlier ones: ten at once leave one live link (new ones are not
      // replays of each other, like issued keys).
      "POST /v1/people/{id}/invitations": { path: "/v1/people/fuzz-invitee/invitations" },
      // One use of a link sets the password; the other nine find it used (404).
      "POST /v1/invitations/{token}": {
        path: `/v1/invitations/${invitationToken}`,
        body: { password: "fuzz-password-2026" },
      },
      "POST /v1/people/{id}/unlock": { path: "/v1/people/fuzz-invitee/unlock" },
      "POST /v1/people/{id}/disable": { path: "/v1/people/fuzz-invitee/disable" },
      "POST /v1/people/{id}/enable": { path: "/v1/people/fuzz-invitee/enable" },
      // An upload makes a file each time (not idempotent, see the README): concurrent ones that are refused (HTML
      // sent as a PDF) must all be a 4xx that stores nothing; accepted uploads are in api-attachments.test.ts.
      "POST /v1/proposals/{id}/attachments": {
        path: `/v1/proposals/${submitted.body.id}/attachments?filename=a.pdf`,
        body: "<html><script>alert(1)</script></html>",
        headers: { "content-type": "application/pdf" },
      },
      // Imports are idempotent by their natural keys: ten of one file at once create each proposal (or person)
      // once (counted in api-import-export.test.ts); here: never a 5xx.
      "POST /v1/imports/proposals": {
        path: "/v1/imports/proposals?dryRun=false&source=fuzz",
        key: keys.staff,
        body: "外部编号,标题,理由,建议,类别,提案者编号\r\nf-1,关于并发导入的建议,理由,建议,livelihood,member-1\r\n",
        headers: { "content-type": "text/csv" },
      },
      "POST /v1/imports/directory": {
        path: "/v1/imports/directory?dryRun=false",
        body: "类型,编号,姓名,角色\r\n人员,fuzz-import,导入,staff\r\n单位,fuzz-unit,单位,\r\n",
        headers: { "content-type": "text/csv" },
      },
      "PUT /v1/calendar/years/{year}": {
        path: "/v1/calendar/years/2027",
        body: {
          calendarId: "cn-mainland",
          year: 2027,
          source: "国务院办公厅关于2027年部分节假日安排的通知 (fuzz)",
          holidays: [{ name: "元旦", from: "2027-01-01", to: "2027-01-03", makeUpWorkdays: [] }],
        },
      },
      "PUT /v1/calendar/local-days": {
        path: "/v1/calendar/local-days",
        body: {
          calendarId: "cn-mainland",
          localClosedDays: [{ name: "闭会日", from: "2027-03-01", to: "2027-03-01" }],
        },
      },
      "PUT /v1/policy": { path: "/v1/policy", body: { override: { rehandleLimit: 2 } } },
      // One name, saved at once: one row (the others replace its query), never a unique-violation 5xx.
      "POST /v1/saved-filters": { path: "/v1/saved-filters", body: { name: "并发筛选", query: "stage=handle" } },
      "DELETE /v1/saved-filters/{id}": { path: `/v1/saved-filters/${savedFilter.body.id}` },
      // One robot saved at once: one creation, the others replace it; then deleted at once: one 204, the rest 404.
      "PUT /v1/notification-robots/{target}/{kind}": {
        path: "/v1/notification-robots/committee/dingtalk",
        body: { url: "https://oapi.dingtalk.com/robot/send?access_token=fuzz", secret: "SECfuzz" },
      },
      "DELETE /v1/notification-robots/{target}/{kind}": { path: "/v1/notification-robots/committee/dingtalk" },
      "PUT /v1/api-keys/{id}/acts-for": {
        path: `/v1/api-keys/${oaKey.body.id}/acts-for`,
        body: { people: ["fuzz-invitee"], roles: ["proposer"] },
      },
      "POST /v1/people/{id}/delegations": {
        path: "/v1/people/fuzz-invitee/delegations",
        body: { delegateId: "fuzz-acceptor", ...period },
        headers: { "idempotency-key": "fuzz-same-delegation" },
      },
      "POST /v1/people/{id}/delegations/{delegationId}/revoke": {
        path: `/v1/people/fuzz-acceptor/delegations/${delegation.body.id}/revoke`,
      },
      // Both people are locked in the handover's transaction: one moves the roles, the others find none to move.
      "POST /v1/people/{id}/succession": {
        path: "/v1/people/fuzz-invitee/succession",
        body: { successorId: "fuzz-acceptor", account: "keep" },
      },
      // One committee is created (the others 409 COMMITTEE_EXISTS), one first admin (the others 409 ID_TAKEN).
      "POST /v1/committees": {
        path: "/v1/committees",
        key: keys.operator,
        body: { id: "fuzz-county", name: "并发县" },
      },
      "PATCH /v1/committees/{id}": { path: "/v1/committees/fuzz-county", key: keys.operator, body: { name: "县" } },
      "POST /v1/committees/{id}/admin-keys": {
        path: "/v1/committees/fuzz-county/admin-keys",
        key: keys.operator,
        body: { actorId: "county-office" },
      },
      "POST /v1/committees/{id}/admins": {
        path: "/v1/committees/fuzz-county/admins",
        key: keys.operator,
        body: { personId: "fuzz-chief", name: "主任", email: "chief@fuzz.example" },
      },
      // Not yet publishable (409) and never published (404): concurrent publications of a closed proposal are
      // in api-publication.test.ts.
      "POST /v1/proposals/{id}/publication": { path: `/v1/proposals/${submitted.body.id}/publication`, body: {} },
      "DELETE /v1/proposals/{id}/publication": {
        path: `/v1/proposals/${submitted.body.id}/publication`,
        body: { reason: "撤回" },
      },
    };
    const writes = operations().filter((operation) => operation.method !== "GET");
    const problems: string[] = [];
    for (const operation of writes) {
      const name = `${operation.method} ${operation.template}`;
      const same = sameRequests[name];
      expect(same, `a concurrent case for ${name}`).toBeDefined();
      if (!same) continue;
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          api.call(operation.method, same.path, {
            ...(same.key ? { key: same.key } : {}),
            ...(same.body === undefined ? {} : { body: same.body }),
            ...(same.headers ? { headers: same.headers } : {}),
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      if (statuses.some((status) => status >= 500)) problems.push(`${name}: ${statuses.join(",")}`);
      const fresh = responses.filter((r) => r.status === 201 && r.headers.get("idempotent-replayed") !== "true");
      const repeatable = [
        "POST /v1/api-keys",
        "POST /v1/people/{id}/invitations",
        "POST /v1/committees/{id}/admin-keys",
      ];
      if (!repeatable.includes(name) && fresh.length > 1) problems.push(`${name}: ${fresh.length} creations`);
      if (name === "POST /v1/invitations/{token}" && statuses.filter((status) => status === 204).length !== 1) {
        problems.push(`${name}: ${statuses.join(",")}`);
      }
    }
    // Then random interleavings of the directory's writes and reads on the same few ids.
    const pool: [string, string, unknown?][] = [
      ["PUT", "/v1/directory/people/p1", { name: "甲" }],
      ["PUT", "/v1/directory/people/p2", { name: "乙" }],
      ["DELETE", "/v1/directory/people/p1"],
      ["DELETE", "/v1/directory/people/p2"],
      ["PUT", "/v1/directory/units/c1", { name: "单位", headPersonId: "p1" }],
      ["PUT", "/v1/directory/units/c1", { name: "单位", headPersonId: "p2" }],
      ["DELETE", "/v1/directory/units/c1"],
      ["PUT", "/v1/directory/roles/staff/people/p1"],
      ["PUT", "/v1/directory/roles/staff/people/p2"],
      ["DELETE", "/v1/directory/roles/staff/people/p1"],
      ["GET", "/v1/directory/roles/staff"],
      ["GET", "/v1/directory/roles"],
      ["GET", "/v1/directory/people/p1"],
      ["GET", "/v1/directory/people"],
    ];
    for (let round = 0; round < 30; round += 1) {
      const batch = Array.from({ length: 10 }, () => pick(pool));
      const responses = await Promise.all(
        batch.map(([method, path, body]) => api.call(method, path, body === undefined ? {} : { body })),
      );
      responses.forEach((response, index) => {
        if (response.status >= 500) problems.push(`${batch[index]?.slice(0, 2).join(" ")}: ${response.status}`);
      });
    }
    const live = await api.database.prisma.invitation.count({ where: { personId: "fuzz-invitee", usedAt: null } });
    expect(live, "live invitations after ten at once").toBe(1);
    expect(problems, `seed ${SEED}`).toEqual([]);
    // Exactly one proposal came of the ten identical creations under one Idempotency-Key.
    const created = await api.database.prisma.proposal.count({ where: { title: proposalBody.title } });
    expect(created).toBe(2);
  });
});
