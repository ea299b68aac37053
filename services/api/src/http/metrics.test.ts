import { Registry } from "@huiyin/runtime";
import { describe, expect, it } from "vitest";
import { HttpMetrics } from "./metrics.ts";

describe("HTTP metrics", () => {
  it("count requests and fill the histogram cumulatively, in the Prometheus text format", async () => {
    const registry = new Registry();
    const metrics = new HttpMetrics(registry);
    metrics.observe("GET", "/v1/proposals/:id", 200, 0.02);
    metrics.observe("GET", "/v1/proposals/:id", 200, 0.3);
    metrics.observe("POST", "/v1/proposals", 201, 0.004);
    const text = await registry.metrics();
    const labels = 'method="GET",route="/v1/proposals/:id",status="200"';
    expect(text).toContain(`http_requests_total{${labels}} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.01",${labels}} 0`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.025",${labels}} 1`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="0.5",${labels}} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{le="+Inf",${labels}} 2`);
    expect(text).toContain('http_requests_total{method="POST",route="/v1/proposals",status="201"} 1');
    expect(text).toMatch(/^# TYPE http_requests_total counter$/m);
  });

  it("escapes label values", async () => {
    const registry = new Registry();
    new HttpMetrics(registry).observe("GET", 'a"b\\c', 200, 0.001);
    expect(await registry.metrics()).toContain('route="a\\"b\\\\c"');
  });
});
