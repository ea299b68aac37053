import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "./metrics.ts";
import { type Check, readiness } from "./readiness.ts";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (its dependencies answer) for processes that
 * have no HTTP API of their own: the worker and the notifier. Orchestrators probe these. With `metrics`, also
 * `GET /metrics` in Prometheus's text format.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  service: string;
  checks: readonly Check[];
  metrics?: Metrics;
}): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    if (request.method !== "GET") return send(405, { error: { code: "METHOD_NOT_ALLOWED", message: "Use GET." } });
    if (request.url === "/healthz") return send(200, { status: "ok", service: options.service });
    const metrics = options.metrics;
    if (request.url === "/metrics" && metrics) {
      metrics.render().then(
        (text) => {
          response.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" });
          response.end(text);
        },
        () => send(500, { error: { code: "METRICS_FAILED", message: "The metrics could not be collected." } }),
      );
      return;
    }
    if (request.url === "/readyz") {
      readiness(options.checks).then(
        (result) => send(result.status === "ready" ? 200 : 503, { service: options.service, ...result }),
        () => send(503, { service: options.service, status: "not-ready" }),
      );
      return;
    }
    return send(404, { error: { code: "NOT_FOUND", message: `No route ${request.url}` } });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
