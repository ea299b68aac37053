import { describe, expect, it } from "vitest";
import { createMetrics } from "./metrics.ts";

describe("process metrics", () => {
  it("renders gauges read at scrape time and counters in Prometheus's text format", async () => {
    const metrics = createMetrics({ defaults: false });
    let backlog: number | undefined;
    metrics.gauge("huiyin_outbox_backlog", "Unsent outbox rows.", () => backlog);
    const losses = metrics.counter("huiyin_redis_data_losses_total", "Times Redis lost its data.");
    let seen = 3;
    metrics.counter("huiyin_seen_total", "Kept elsewhere.", () => seen);
    const first = await metrics.render();
    expect(first).toContain("# TYPE huiyin_outbox_backlog gauge\n");
    // Not known yet: no sample at all, rather than a 0 that would read as "no backlog".
    expect(first).not.toMatch(/^huiyin_outbox_backlog /m);
    expect(first).toContain("# TYPE huiyin_redis_data_losses_total counter\nhuiyin_redis_data_losses_total 0\n");
    expect(first).toContain("huiyin_seen_total 3\n");
    backlog = 12;
    losses.inc();
    seen = 5;
    const second = await metrics.render();
    expect(second).toContain("huiyin_outbox_backlog 12\n");
    expect(second).toContain("huiyin_redis_data_losses_total 1\n");
    expect(second).toContain("huiyin_seen_total 5\n");
  });

  it("has the default process and Node metrics, and refuses a bad name and the same name twice", async () => {
    const metrics = createMetrics();
    const text = await metrics.render();
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
    expect(() => metrics.gauge("huiyin-outbox", "x", () => 1)).toThrow(/Invalid metric name/);
    metrics.counter("huiyin_x_total", "x");
    expect(() => metrics.counter("huiyin_x_total", "x")).toThrow(/already been registered/);
  });
});
