import { createDatabase, type Database } from "@huiyin/db";
import { createLogger } from "@huiyin/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyCache, type KeyChangeListener, listenForKeyChanges } from "../services/api/src/index.ts";
import { type ApiHarness, startApi } from "./support/api.ts";
import { eventually } from "./support/processes.ts";

/**
 * What the api's hot path costs in PostgreSQL statements (issue 18): every statement the api's pool sends
 * (BEGIN and COMMIT included) is counted while one request runs. A count, not a timing: the bounds are what the path
 * needs now, so that a re-read or a second visibility check added later shows up here.
 */
let api: ApiHarness;
let counted: Database;
let listener: KeyChangeListener;
let call: ApiHarness["call"];
let statements = 0;
const seen: string[] = [];
const cache = new KeyCache(60);

beforeAll(async () => {
  api = await startApi();
  counted = createDatabase(api.databaseUrl);
  counted.pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements += 1;
      const first = args[0] as string | { text: string };
      seen.push((typeof first === "string" ? first : first.text).replace(/\s+/g, " ").trim().slice(0, 150));
      return query(...args);
    };
  });
  listener = listenForKeyChanges(counted, cache, createLogger({ service: "t", level: "silent", format: "json" }), {
    heartbeatMs: 600_000,
  });
  await eventually(
    async () => cache.serving,
    10_000,
    () => "the key-change listener did not start",
  );
  ({ call } = await api.another({ database: counted, keyCache: cache }));
});

afterAll(async () => {
  await listener.close();
  await counted.close();
  await api.close();
});

/** The statements of one request: the api's own, and the engine's transaction's (BEGIN to COMMIT, its business). */
async function statementsOf(request: () => Promise<{ status: number }>, expected: number) {
  const before = statements;
  seen.length = 0;
  const response = await request();
  if (process.env.SHOW_SQL) console.log(seen.join("\n"));
  expect(response.status).toBe(expected);
  expect(seen).toHaveLength(statements - before);
  const begin = seen.indexOf("BEGIN");
  const commit = seen.indexOf("COMMIT");
  const engine = begin >= 0 && commit > begin ? commit - begin + 1 : 0;
  return { api: seen.length - engine, engine };
}

describe("statements per request on the hot path", () => {
  it("POST /v1/proposals/:id/events and GET /v1/proposals/:id", async () => {
    const proposer = await api.issueKey("proposer", "member-count");
    const staff = await api.issueKey("staff", "office-count");
    const created = await call("POST", "/v1/proposals", {
      key: proposer,
      body: {
        title: "关于统计语句的建议",
        reasons: "理由",
        suggestions: ["建议"],
        category: "livelihood",
        proposers: [{ id: "member-count", name: "委员" }],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const submit = () => call("POST", `/v1/proposals/${id}/events`, { key: proposer, body: { type: "submit" } });
    // Warm: both keys verified and cached.
    expect((await call("GET", `/v1/proposals/${id}`, { key: staff })).status).toBe(200);
    expect((await call("GET", `/v1/proposals/${id}`, { key: proposer })).status).toBe(200);
    const post = await statementsOf(submit, 200);
    const get = await statementsOf(() => call("GET", `/v1/proposals/${id}`, { key: staff }), 200);
    if (process.env.SHOW_SQL) console.log(JSON.stringify({ post, get }));
    // With the key cached: POST sends no statement of its own before the engine's transaction (the caller's
    // visibility rule is tested on the row the engine's lock read brings, `visibleRowTest`), whose written row it
    // answers; GET reads the visible row. The open deadlines come with the snapshot (its context).
    // Before issue 18: 5 and 4 (a key lookup, a full-row re-read, two queries for the deadlines); then 2 and 2, then
    // 1 and 1 (a visibility check of the id alone before the transaction).
    // The engine's transaction of a submit: BEGIN, the lock read (which brings the committee's webhook
    // subscriptions along), the session facts, the write, COMMIT. Before the subscriptions came with the lock
    // read: 6.
    expect(post.engine).toBe(5);
    expect(post.api).toBe(0);
    expect(get).toEqual({ api: 1, engine: 0 });
    // Staff too (whose rule is the committee alone): registration's transaction takes the session's facts as well.
    const register = await statementsOf(
      () =>
        call("POST", `/v1/proposals/${id}/events`, {
          key: staff,
          body: { type: "review.register", category: "livelihood" },
        }),
      200,
    );
    if (process.env.SHOW_SQL) console.log(JSON.stringify({ register }));
    expect(register).toEqual({ api: 0, engine: 5 });
  });
});
