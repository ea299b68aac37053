import type { BenchOptions } from "../args.ts";
import { openEngine } from "../context.ts";
import type { Environment } from "../environment.ts";
import { ms, type Row, ratio } from "../report.ts";
import { type AssignmentMeetingResult, assignmentMeetingScenario } from "./assignment-meeting.ts";
import { httpUnavailable } from "./http.ts";
import { type StatisticsResult, statisticsScenario } from "./statistics.ts";

export interface YearResults {
  statistics?: StatisticsResult;
  assignmentMeeting?: AssignmentMeetingResult;
}

/**
 * The committee's year (issue 16), each behind its flag so that the default run stays under 10 minutes:
 * 8 (`--stats`): the unit table and the session summary over a seeded year of 100,000 proposals;
 * 8 (`--meeting`): a 交办会's 500 proposals registered and assigned in two batches, against single events.
 */
export async function yearScenarios(
  environment: Environment,
  options: BenchOptions,
  log: (message: string) => void,
): Promise<{ results: YearResults }> {
  const results: YearResults = {};
  const wanted = (flag: boolean, scenario: number) => flag || options.only.has(scenario);
  if (!wanted(options.stats, 8) && !wanted(options.meeting, 9)) return { results };
  if (httpUnavailable()) return { results };
  const engine = await openEngine(environment, 4);
  try {
    if (wanted(options.stats, 8)) {
      log(`8. statistics: a year of ${options.statsProposals} proposals in bulk SQL, then GET /v1/stats`);
      results.statistics = await statisticsScenario(environment, engine, {
        proposals: options.statsProposals,
        samples: options.quick ? 5 : 20,
        log,
      });
    }
    if (wanted(options.meeting, 9)) {
      log(`9. 交办会: ${options.meetingProposals} proposals registered and assigned in two batches`);
      results.assignmentMeeting = await assignmentMeetingScenario(environment, engine, {
        proposals: options.meetingProposals,
        log,
      });
    }
  } finally {
    await engine.close();
  }
  return { results };
}

export function yearRows(results: YearResults): Row[] {
  const rows: Row[] = [];
  const stats = results.statistics;
  if (stats) {
    const scale = `${stats.proposals.toLocaleString("en-US")} proposals, ${stats.events.toLocaleString("en-US")} events`;
    rows.push(
      {
        scenario: "8",
        figure: `unit table (GET /v1/stats?sessionId&groupBy=unit) p50 / p95 ms, ${scale} (baseline: plain count)`,
        huiyin: ms(stats.unitTableMs, ["p50", "p95"]),
        baseline: ms(stats.plainCountMs, ["p50", "p95"]),
        ratio: ratio(stats.plainCountMs.p50 ?? 0, stats.unitTableMs.p50 ?? 0),
      },
      {
        scenario: "8",
        figure: `session summary (GET /v1/stats?sessionId) p50 / p95 ms, ${scale} (baseline: plain count)`,
        huiyin: ms(stats.sessionSummaryMs, ["p50", "p95"]),
        baseline: ms(stats.plainCountMs, ["p50", "p95"]),
        ratio: ratio(stats.plainCountMs.p50 ?? 0, stats.sessionSummaryMs.p50 ?? 0),
      },
      {
        scenario: "8",
        figure: "bulk seed s / figures derived from the history at the first read s",
        huiyin: `${stats.rebuildSeconds} s derived`,
        baseline: `${stats.seedSeconds} s seeded`,
      },
    );
  }
  const meeting = results.assignmentMeeting;
  if (meeting) {
    rows.push({
      scenario: "9",
      figure: `交办会: ${meeting.proposals} proposals registered + assigned, two batches s (baseline: single events)`,
      huiyin: `${meeting.batchSeconds} s (${meeting.batchMsPerItem} ms/item)`,
      baseline: `${meeting.singleSeconds} s (${meeting.singleMsPerItem} ms/item)`,
      ratio: ratio(meeting.singleMsPerItem, meeting.batchMsPerItem),
    });
  }
  return rows;
}
