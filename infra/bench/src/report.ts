import type { Machine } from "./environment.ts";

/** One line of the results table: a figure of huiyin, the same machine's limit measured in the same run, and their ratio. */
export interface Row {
  scenario: string;
  figure: string;
  huiyin: string;
  baseline: string;
  /** huiyin / baseline, where both are rates (or baseline / huiyin for times, so that 1 is always "at the limit"). */
  ratio?: number | undefined;
  note?: string;
}

export interface Skipped {
  scenario: string;
  reason: string;
}

export function markdown(report: {
  machine: Machine;
  settings: Record<string, unknown>;
  rows: Row[];
  skipped: Skipped[];
  notes: string[];
  generatedAt: string;
  seconds: number;
  /** 1-minute load average at the start and at the end: other work on the machine shows here. */
  load: { start: number; end: number };
}): string {
  const { machine } = report;
  const lines = [
    `# huiyin bench — ${report.generatedAt}`,
    "",
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ` +
      `PostgreSQL ${machine.postgres}; Redis ${machine.redis}.`,
    `PostgreSQL: ${Object.entries(machine.postgresSettings)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ")}. Redis: ${Object.entries(machine.redisSettings)
      .map(([name, value]) => `${name}=${value}`)
      .join(", ")}.`,
    `Settings: ${Object.entries(report.settings)
      .map(([name, value]) => `${name}=${Array.isArray(value) ? value.join("/") : String(value)}`)
      .join(", ")}. Whole run: ${report.seconds} s.`,
    `Load average (1 min) at start / end: ${report.load.start} / ${report.load.end} on ${machine.cpus} cores` +
      (Math.max(report.load.start, report.load.end) > machine.cpus
        ? " — other work shared the machine: compare ratios, not absolute figures."
        : "."),
    "",
    "| # | figure | huiyin | baseline (same machine, same run) | ratio |",
    "|---|---|---|---|---|",
    ...report.rows.map(
      (row) =>
        `| ${row.scenario} | ${row.figure} | ${row.huiyin} | ${row.baseline} | ${row.ratio === undefined ? "—" : row.ratio.toFixed(2)} |`,
    ),
  ];
  if (report.skipped.length > 0) {
    lines.push("", "Skipped:", ...report.skipped.map((skip) => `- ${skip.scenario}: ${skip.reason}`));
  }
  if (report.notes.length > 0) lines.push("", ...report.notes.map((note) => `- ${note}`));
  return `${lines.join("\n")}\n`;
}

export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;
export const ms = (values: Record<string, number>, keys = ["p50", "p95", "p99"]) =>
  keys.map((key) => (values[key] ?? Number.NaN).toFixed(1)).join(" / ");
export const ratio = (numerator: number, denominator: number) =>
  denominator > 0 ? Math.round((numerator / denominator) * 100) / 100 : undefined;
