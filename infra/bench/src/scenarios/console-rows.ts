import type { Row } from "../report.ts";
import type { ConsoleResult } from "./console.ts";

/** Scenario 7's rows: page times against the time a person notices (1 s), the bundle against 300 kB gzipped. */
export function consoleRows(result: ConsoleResult): Row[] {
  const at = `${result.proposals.toLocaleString("en")} proposals, ${result.samples} loads each, a first visit`;
  const times = (figures: Record<string, number>) => `${figures.p50} ms / ${figures.p95} ms`;
  return [
    {
      scenario: "7. console",
      figure: "My work: time to first render (p50 / p95)",
      huiyin: times(result.myWorkMs),
      baseline: "1000 ms",
      ratio: 1000 / (result.myWorkMs.p95 ?? Number.NaN),
      note: at,
    },
    {
      scenario: "7. console",
      figure: "a proposal's page: time to first render (p50 / p95)",
      huiyin: times(result.proposalMs),
      baseline: "1000 ms",
      ratio: 1000 / (result.proposalMs.p95 ?? Number.NaN),
      note: at,
    },
    {
      scenario: "7. console",
      figure: "proposals list, search (first page): common word / rare word",
      huiyin: `${result.searchMs.common} ms / ${result.searchMs.rare} ms`,
      baseline: "1000 ms",
      ratio: 1000 / Math.max(result.searchMs.common, result.searchMs.rare),
      note: "through the trigram index, over HTTP",
    },
    {
      scenario: "7. console",
      figure: "proposals list, a page: the first / one halfway down (keyset)",
      huiyin: `${result.listMs.first} ms / ${result.listMs.middle} ms`,
      baseline: "1000 ms",
      ratio: 1000 / Math.max(result.listMs.first, result.listMs.middle),
      note: "over HTTP, 50 a page",
    },
    {
      scenario: "7. console",
      figure: "JavaScript the first page loads (gzip): sign-in / My work",
      huiyin: `${kib(result.signInJs)} / ${kib(result.myWorkJs)}`,
      baseline: "300 KiB",
      ratio: (300 * 1024) / Math.max(result.signInJs.gzipBytes, result.myWorkJs.gzipBytes),
      note: "every script the page requested, each gzipped",
    },
  ];
}

const kib = (js: { gzipBytes: number; files: number }) => `${Math.round(js.gzipBytes / 1024)} KiB in ${js.files} files`;
