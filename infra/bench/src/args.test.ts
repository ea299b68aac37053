import { describe, expect, it } from "vitest";
import { parseArgs } from "./args.ts";

describe("parseArgs", () => {
  it("has the issue's defaults, and a quick mode that shrinks every size", () => {
    const defaults = parseArgs([]);
    expect(defaults).toMatchObject({
      proposals: 2_000,
      concurrency: [1, 8, 32],
      deadlines: 100_000,
      dueTogether: 1_000,
    });
    const quick = parseArgs(["--quick"]);
    expect(quick.proposals).toBeLessThan(defaults.proposals);
    expect(quick.deadlines).toBeLessThan(defaults.deadlines);
    expect(quick.budgetSeconds).toBeLessThan(defaults.budgetSeconds);
  });

  it("runs scenario 1 and its baselines in three interleaved rounds by default, one when quick", () => {
    expect(parseArgs([]).rounds).toBe(3);
    expect(parseArgs(["--quick"]).rounds).toBe(1);
    expect(parseArgs(["--rounds", "5"]).rounds).toBe(5);
    expect(() => parseArgs(["--rounds", "0"])).toThrow(/positive integer/);
  });

  it("takes what `pnpm bench -- …` passes, the separator included", () => {
    const options = parseArgs(["--", "--concurrency", "4,16", "--only", "1,3", "--million"]);
    expect(options.concurrency).toEqual([4, 16]);
    expect([...options.only]).toEqual([1, 3]);
    expect(options.deadlines).toBe(1_000_000);
  });

  it("bounds scenario 1 through HTTP by --budget, at most 10 s unless --http-budget says otherwise", () => {
    expect(parseArgs([]).httpBudgetSeconds).toBe(10);
    expect(parseArgs(["--budget", "5"]).httpBudgetSeconds).toBe(5);
    expect(parseArgs(["--quick"]).httpBudgetSeconds).toBe(1);
    expect(parseArgs(["--budget", "10", "--http-budget", "40"]).httpBudgetSeconds).toBe(40);
  });

  it("runs scenario 1 through HTTP at every level, but at 8 clients alone in a quick run unless told", () => {
    expect(parseArgs([]).httpConcurrency).toEqual([1, 8, 32]);
    expect(parseArgs(["--quick"]).httpConcurrency).toEqual([8]);
    expect(parseArgs(["--quick", "--concurrency", "2,4"]).httpConcurrency).toEqual([2, 4]);
    expect(parseArgs(["--http-concurrency", "16"]).httpConcurrency).toEqual([16]);
  });

  it("refuses unknown options and bad numbers", () => {
    expect(() => parseArgs(["--fast"])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(["--proposals", "many"])).toThrow(/positive integer/);
    expect(() => parseArgs(["--concurrency", "0,8"])).toThrow(/positive integers/);
  });
});

describe("the console scenario's options", () => {
  it("measure at 2,000 proposals by default, 300 quick, and at 100,000 behind a flag", () => {
    expect(parseArgs([]).consoleProposals).toBe(2_000);
    expect(parseArgs(["--quick"]).consoleProposals).toBe(300);
    expect(parseArgs(["--console-100k"]).consoleProposals).toBe(100_000);
    expect(parseArgs(["--console-proposals", "20_000", "--console-samples", "4"])).toMatchObject({
      consoleProposals: 20_000,
      consoleSamples: 4,
    });
  });
});
