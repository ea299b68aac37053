import { describe, expect, it } from "vitest";
import { HttpMetrics } from "./metrics.ts";

describe("HTTP metrics", () => {
  it("count requests and fill the histogram cumulatively, in the Prometheus text format", () => {
    const metrics = new HttpMetrics();
    metrics.observe("GET", "/v1/proposals/:id", 200, 0.02);
    metrics.observe("GET", "/v1/proposals/:id", 200, 0.3);
    metrics.observe("POST", "/v1/proposals", 201, 0.004);
    const text = metrics.render();
    const labels = 'method="GET",route="/v1/proposals/:id",status="200"';
    expect(text).toContain(`http_requests_total{${labels}} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.01"} 0`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.025"} 1`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="0.5"} 2`);
    expect(text).toContain(`http_request_duration_seconds_bucket{${labels},le="+Inf"} 2`);
    expect(text).toContain('http_requests_total{method="POST",route="/v1/proposals",status="201"} 1');
    expect(text).toMatch(/^# TYPE http_requests_total counter$/m);
  });

  it("escapes label values", () => {
    const metrics = new HttpMetrics();
    metrics.observe("GET", 'a"b\\c', 200, 0.001);
    expect(metrics.render()).toContain('route="a\\"b\\\\c"');
  });
});
