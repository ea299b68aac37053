import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { engineMetrics } from "./domain-metrics.ts";

describe("the engine's metrics", () => {
  it("count transitions by event and outcome, and time them", async () => {
    const registry = new Registry();
    const observer = engineMetrics(registry);
    observer.transition("review.register", "applied", 0.02);
    observer.transition("review.register", "applied", 0.3);
    observer.transition("review.register", "refused", 0.001);
    const text = await registry.metrics();
    expect(text).toContain('huiyin_transitions_total{event="review.register",outcome="applied"} 2');
    expect(text).toContain('huiyin_transitions_total{event="review.register",outcome="refused"} 1');
    expect(text).toContain('huiyin_transition_duration_seconds_bucket{le="0.025",event="review.register"} 2');
    expect(text).toContain('huiyin_transition_duration_seconds_count{event="review.register"} 3');
  });

  it("time alarms applied from their fire time, and count escalations by level, raised or suppressed", async () => {
    const registry = new Registry();
    const observer = engineMetrics(registry);
    observer.alarm("due", 0, "applied", 1.5);
    observer.alarm("escalate", 2, "applied", 0.1);
    observer.alarm("escalate", 2, "suppressed", 0.1);
    observer.alarm("escalate", 1, "duplicate", 0.1);
    // A clock a little behind the one that set the fire time: counted as on time, not as negative lateness.
    observer.alarm("remind", 0, "applied", -0.3);
    const text = await registry.metrics();
    expect(text).toContain('huiyin_alarm_lateness_seconds_bucket{le="1",kind="due"} 0');
    expect(text).toContain('huiyin_alarm_lateness_seconds_bucket{le="2",kind="due"} 1');
    expect(text).toContain('huiyin_alarm_lateness_seconds_sum{kind="remind"} 0');
    expect(text).toContain('huiyin_alarm_lateness_seconds_count{kind="escalate"} 1');
    expect(text).toContain('huiyin_escalations_total{level="2",outcome="raised"} 1');
    expect(text).toContain('huiyin_escalations_total{level="2",outcome="suppressed"} 1');
    expect(text).not.toContain('level="1"');
    expect(text).toContain('huiyin_alarms_total{kind="escalate",outcome="duplicate"} 1');
  });
});
