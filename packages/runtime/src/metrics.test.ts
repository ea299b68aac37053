import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics.ts";

describe("process metrics", () => {
  it("renders gauges read at scrape time and counters in Prometheus's text format", () => {
    const metrics = createMetrics();
    let backlog: number | undefined;
    metrics.gauge("huiyin_outbox_backlog", "Unsent outbox rows.", () => backlog);
    const losses = metrics.counter("huiyin_redis_data_losses_total", "Times Redis lost its data.");
    expect(metrics.render()).toBe(
      [
        "# HELP huiyin_outbox_backlog Unsent outbox rows.",
        "# TYPE huiyin_outbox_backlog gauge",
        "# HELP huiyin_redis_data_losses_total Times Redis lost its data.",
        "# TYPE huiyin_redis_data_losses_total counter",
        "huiyin_redis_data_losses_total 0",
        "",
      ].join("\n"),
    );
    backlog = 12;
    losses.inc();
    expect(metrics.render()).toContain("huiyin_outbox_backlog 12\n");
    expect(metrics.render()).toContain("huiyin_redis_data_losses_total 1\n");
  });

  it("refuses a name Prometheus would not accept, and the same name twice", () => {
    const metrics = createMetrics();
    expect(() => metrics.gauge("huiyin-outbox", "x", () => 1)).toThrow(/not a Prometheus name/);
    metrics.counter("huiyin_x_total", "x");
    expect(() => metrics.counter("huiyin_x_total", "x")).toThrow(/twice/);
  });
});
