import { type EngineContext, resetState } from "../context.ts";
import type { Environment } from "../environment.ts";
import { seedYear } from "../seed-year.ts";
import { issueKey, startServices } from "../services.ts";
import { percentiles, round } from "../stats.ts";

export interface StatisticsResult {
  proposals: number;
  events: number;
  seedSeconds: number;
  /** The first read after the bulk load derives every proposal's figures from its history. */
  rebuildSeconds: number;
  samples: number;
  /** `GET /v1/stats?sessionId=...&groupBy=unit` over HTTP (the unit table, with the session summary). */
  unitTableMs: Record<string, number>;
  /** `GET /v1/stats?sessionId=...` (the session summary). */
  sessionSummaryMs: Record<string, number>;
  /** `SELECT count(*)` of the same session's proposals, straight from PostgreSQL. */
  plainCountMs: Record<string, number>;
}

/**
 * The statistics at province scale (issue 16): a year of `proposals` seeded in bulk SQL (`seed-year.ts`), the
 * figures derived once (timed: what a deployment pays after an import or a rebuild), then the unit table and the
 * session summary read `samples` times each through the api process, beside a plain count of the same session's
 * proposals in PostgreSQL, the floor any figure over those rows stands on.
 */
export async function statisticsScenario(
  environment: Environment,
  engine: EngineContext,
  options: { proposals: number; samples: number; log: (message: string) => void },
): Promise<StatisticsResult> {
  await resetState(environment, engine.db, engine.producer);
  const pool = engine.db.pool;
  let began = performance.now();
  await seedYear(pool, { proposals: options.proposals });
  const seedSeconds = round((performance.now() - began) / 1000, 1);
  await pool.query("VACUUM ANALYZE");
  const events = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM proposal_events")).rows[0]?.n ?? 0);
  const { rows } = await pool.query<{ session_id: string }>(
    "SELECT session_id FROM proposals GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
  );
  const sessionId = rows[0]?.session_id as string;
  options.log(`   seeded ${options.proposals} proposals (${events} events) in ${seedSeconds} s`);

  const services = await startServices(environment, { worker: false });
  try {
    const key = await issueKey(services.url, services.adminKey, { role: "staff", id: "bench-office" });
    const get = async (query: string) => {
      const response = await fetch(`${services.url}/v1/stats?${query}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (response.status !== 200)
        throw new Error(`GET /v1/stats?${query}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    };
    began = performance.now();
    await get(`sessionId=${sessionId}`);
    const rebuildSeconds = round((performance.now() - began) / 1000, 1);
    options.log(`   figures derived from the history in ${rebuildSeconds} s`);
    const time = async (run: () => Promise<unknown>) => {
      const sample: number[] = [];
      for (let i = 0; i < options.samples; i += 1) {
        const start = performance.now();
        await run();
        sample.push(performance.now() - start);
      }
      return percentiles(sample, [50, 95]);
    };
    const unitTableMs = await time(() => get(`sessionId=${sessionId}&groupBy=unit`));
    const sessionSummaryMs = await time(() => get(`sessionId=${sessionId}`));
    const plainCountMs = await time(() =>
      pool.query("SELECT count(*) FROM proposals WHERE committee_id = 'default' AND session_id = $1", [sessionId]),
    );
    return {
      proposals: options.proposals,
      events,
      seedSeconds,
      rebuildSeconds,
      samples: options.samples,
      unitTableMs,
      sessionSummaryMs,
      plainCountMs,
    };
  } finally {
    await services.stop();
  }
}
