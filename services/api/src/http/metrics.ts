import { Counter, Histogram, type Registry } from "@huiyin/runtime";
import type { RequestHandler } from "express";

/** Upper bounds of the request-duration histogram, in seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Request counts and durations per method, route pattern and status, on the api's prom-client registry (the names
 * and labels of the hand-written version they replace). Route patterns (`/v1/proposals/:id`), not paths, keep the
 * label sets few.
 */
export class HttpMetrics {
  private readonly requests: Counter<"method" | "route" | "status">;
  private readonly durations: Histogram<"method" | "route" | "status">;

  constructor(registry: Registry) {
    const labelNames = ["method", "route", "status"] as const;
    this.requests = new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status.",
      labelNames,
      registers: [registry],
    });
    this.durations = new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to answer an HTTP request.",
      labelNames,
      buckets: BUCKETS,
      registers: [registry],
    });
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }
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
