import type { RequestHandler } from "express";

/** Upper bounds of the request-duration histogram, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  labels: string;
  count: number;
  sum: number;
  buckets: number[];
}

/**
 * Request counts and durations per method, route pattern and status, in the Prometheus text format. Written by
 * hand: two metric families do not justify prom-client, whose optional OpenTelemetry peer would re-resolve half
 * the lockfile. Route patterns (`/v1/proposals/:id`), not paths, keep the label sets few.
 */
export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = `method="${escapeLabel(method)}",route="${escapeLabel(route)}",status="${status}"`;
    let series = this.series.get(labels);
    if (!series) {
      series = { labels, count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.series.set(labels, series);
    }
    series.count += 1;
    series.sum += seconds;
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound && series) series.buckets[index] = (series.buckets[index] ?? 0) + 1;
    });
  }

  render(): string {
    const all = [...this.series.values()].sort((a, b) => a.labels.localeCompare(b.labels));
    const memory = process.memoryUsage();
    return [
      "# HELP http_requests_total HTTP requests answered, by method, route pattern and status.",
      "# TYPE http_requests_total counter",
      ...all.map((s) => `http_requests_total{${s.labels}} ${s.count}`),
      "# HELP http_request_duration_seconds Time to answer an HTTP request.",
      "# TYPE http_request_duration_seconds histogram",
      ...all.flatMap((s) => [
        ...BUCKETS.map(
          (bound, index) => `http_request_duration_seconds_bucket{${s.labels},le="${bound}"} ${s.buckets[index]}`,
        ),
        `http_request_duration_seconds_bucket{${s.labels},le="+Inf"} ${s.count}`,
        `http_request_duration_seconds_sum{${s.labels}} ${s.sum}`,
        `http_request_duration_seconds_count{${s.labels}} ${s.count}`,
      ]),
      "# HELP process_resident_memory_bytes Resident memory of the process.",
      "# TYPE process_resident_memory_bytes gauge",
      `process_resident_memory_bytes ${memory.rss}`,
      "# HELP nodejs_heap_used_bytes V8 heap in use.",
      "# TYPE nodejs_heap_used_bytes gauge",
      `nodejs_heap_used_bytes ${memory.heapUsed}`,
      "# HELP process_uptime_seconds Seconds since the process started.",
      "# TYPE process_uptime_seconds gauge",
      `process_uptime_seconds ${process.uptime()}`,
      "",
    ].join("\n");
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Times every request and records it under its route pattern once answered ("unmatched" for 404s of no route). */
export function measure(metrics: HttpMetrics): RequestHandler {
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once("finish", () => {
      // Express restores baseUrl when an error leaves a router; `mountedAt` (set by `mountedAt()`) survives that.
      const base = (response.locals.mountedAt as string | undefined) ?? request.baseUrl;
      const route = request.route?.path ? `${base}${String(request.route.path)}` : "unmatched";
      metrics.observe(request.method, route, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}

/** Remembers where a router is mounted, for `measure`: first middleware of a mounted router. */
export const mountedAt: RequestHandler = (request, response, next) => {
  response.locals.mountedAt = request.baseUrl;
  next();
};
