/** What one run measures. `--quick` shrinks every size so that the whole run takes under a minute. */
export interface BenchOptions {
  quick: boolean;
  /** Proposals driven through a whole lifecycle, per concurrency level. */
  proposals: number;
  /** Seconds after which scenario 1 starts no new lifecycle at one concurrency level (all its rounds together). */
  budgetSeconds: number;
  /**
   * Rounds of scenario 1 and its baselines per level, interleaved (engine, same rows, raw, engine, …), each with its
   * share of the budget; the median round of each is reported, so that the machine's drift over a minute moves
   * both sides of a ratio alike.
   */
  rounds: number;
  /** The same for scenario 1 through HTTP: a level of its own, slower, so shorter by default to keep the run under 10 minutes. */
  httpBudgetSeconds: number;
  /** Concurrent clients of scenario 1 through HTTP (quick: 8 alone, which keeps the whole run under a minute). */
  httpConcurrency: number[];
  /** Concurrent clients (and connections in the pool) for scenarios 1 and 2. */
  concurrency: number[];
  /** Pending deadlines scheduled in scenario 3 and rebuilt in scenario 4. */
  deadlines: number;
  /** Deadlines that fall due in the same second, for the lateness of firing. */
  dueTogether: number;
  /** Seconds each HTTP measurement lasts. */
  httpSeconds: number;
  httpConnections: number;
  /** Only these scenarios (1–10); all when empty. */
  only: Set<number>;
  /** Write a V8 CPU profile of scenario 1 at the highest concurrency into results/. */
  cpuProfile: boolean;
  /** Scenario 7 (the console): proposals in the database, and page loads measured per page. */
  consoleProposals: number;
  consoleSamples: number;
  /** Scenario 8 (statistics over a seeded year; `--stats`): proposals seeded. */
  stats: boolean;
  statsProposals: number;
  /** Scenario 9 (the 交办会 through POST /v1/batches; `--meeting`): proposals registered and assigned. */
  meeting: boolean;
  meetingProposals: number;
}

const usage = `pnpm bench [-- options]
  --quick              small sizes: the whole run in under a minute
  --proposals N        proposals per concurrency level in scenario 1 (default 2000; quick 150)
  --budget S           scenario 1 starts no new lifecycle after S seconds per level (default 25; quick 1)
  --rounds N           interleaved rounds of scenario 1 and its baselines per level, medians reported (default 3;
                       quick 1)
  --http-budget S      the same for scenario 1 through HTTP (default: --budget, at most 10)
  --http-concurrency L clients of scenario 1 through HTTP (default: --concurrency; quick 8)
  --concurrency 1,8,32 concurrent clients = pool connections (default 1,8,32)
  --deadlines N        pending deadlines in scenarios 3 and 4 (default 100000; quick 2000)
  --million            --deadlines 1000000
  --due-together N     deadlines due in the same second (default 1000; quick 200)
  --http-seconds S     length of each HTTP measurement (default 10; quick 1)
  --only 1,3           run only these scenarios (1–10; 10: the DBOS peer, at 1 and 8 clients)
  --cpu-profile        write CPU profiles of scenario 1 to results/: the bench process at the highest concurrency,
                       and the api and worker processes of scenario 1 through HTTP (written when they stop)
  --console-proposals N  proposals in the database for scenario 7, the console (default 2000; quick 300)
  --console-100k       --console-proposals 100000 (issue 15's figure; seeding adds a few minutes)
  --console-samples N  page loads measured per console page (default 5; quick 3)
  --stats              scenario 8: the unit table and session summary over a seeded year (p50/p95 beside a count)
  --stats-proposals N  proposals of that year (default 100000; quick 5000)
  --meeting            scenario 9: the 交办会, proposals registered and assigned in two POST /v1/batches
  --meeting-proposals N proposals of the meeting (default 500; quick 50)
Set DATABASE_URL and REDIS_URL to measure your own servers instead of the embedded ones.`;

export function parseArgs(argv: readonly string[]): BenchOptions {
  const args = argv.filter((arg) => arg !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  const quick = args.includes("--quick");
  const value = (name: string): string | undefined => {
    const index = args.indexOf(name);
    if (index === -1) return undefined;
    const given = args[index + 1];
    if (given === undefined || given.startsWith("--")) throw new Error(`${name} needs a value\n${usage}`);
    return given;
  };
  const count = (name: string, fallback: number): number => {
    const given = value(name);
    if (given === undefined) return fallback;
    const parsed = Number(given.replaceAll("_", ""));
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer, not ${given}`);
    return parsed;
  };
  const list = (name: string, fallback: number[]): number[] => {
    const given = value(name);
    if (given === undefined) return fallback;
    return given.split(",").map((part) => {
      const parsed = Number(part);
      if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} takes positive integers, not ${given}`);
      return parsed;
    });
  };
  const known = new Set([
    "--quick",
    "--proposals",
    "--concurrency",
    "--budget",
    "--rounds",
    "--http-budget",
    "--http-concurrency",
    "--deadlines",
    "--million",
    "--due-together",
    "--http-seconds",
    "--only",
    "--cpu-profile",
    "--console-proposals",
    "--console-100k",
    "--console-samples",
    "--stats",
    "--stats-proposals",
    "--meeting",
    "--meeting-proposals",
  ]);
  for (const arg of args) {
    if (arg.startsWith("--") && !known.has(arg)) throw new Error(`unknown option ${arg}\n${usage}`);
  }
  const budgetSeconds = count("--budget", quick ? 1 : 25);
  const concurrency = list("--concurrency", [1, 8, 32]);
  return {
    quick,
    proposals: count("--proposals", quick ? 150 : 2_000),
    budgetSeconds,
    rounds: count("--rounds", quick ? 1 : 3),
    httpBudgetSeconds: count("--http-budget", Math.min(budgetSeconds, 10)),
    concurrency,
    httpConcurrency: list("--http-concurrency", quick && value("--concurrency") === undefined ? [8] : concurrency),
    deadlines: args.includes("--million") ? 1_000_000 : count("--deadlines", quick ? 2_000 : 100_000),
    dueTogether: count("--due-together", quick ? 200 : 1_000),
    httpSeconds: count("--http-seconds", quick ? 1 : 10),
    httpConnections: 32,
    only: new Set(list("--only", [])),
    cpuProfile: args.includes("--cpu-profile"),
    consoleProposals: args.includes("--console-100k") ? 100_000 : count("--console-proposals", quick ? 300 : 2_000),
    consoleSamples: count("--console-samples", quick ? 3 : 5),
    stats: args.includes("--stats"),
    statsProposals: count("--stats-proposals", quick ? 5_000 : 100_000),
    meeting: args.includes("--meeting"),
    meetingProposals: count("--meeting-proposals", quick ? 50 : 500),
  };
}
