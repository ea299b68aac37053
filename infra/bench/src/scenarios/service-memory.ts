import { rssMiBOf } from "../processes.ts";
import { nearBaseline, round } from "../stats.ts";

/** Resident memory of one service process in MiB across the HTTP lifecycle run. */
export interface ServiceRss {
  /** Ready, before any request. */
  started: number;
  /** After the warm-up: code compiled, pools and keep-alive connections open. What "returns" is judged against. */
  baseline: number;
  peak: number;
  /** After the run and `settleSeconds` idle. */
  after: number;
  returnedToBaseline: boolean;
}

export interface ServiceMemoryResult {
  settleSeconds: number;
  api: ServiceRss;
  worker?: ServiceRss;
}

type Pids = { api: number | undefined; worker?: number | undefined };

/**
 * Scenario 6 for the service processes: samples the RSS of the api and the worker every 250 ms from
 * `sampleServiceMemory` until `finish`. Only RSS: their V8 heaps are in other processes, out of reach.
 */
export function sampleServiceMemory(pids: Pids) {
  const read = () => ({ api: rssMiBOf(pids.api), worker: pids.worker === undefined ? 0 : rssMiBOf(pids.worker) });
  const started = read();
  let baseline = started;
  const peak = { ...started };
  const timer = setInterval(() => {
    const now = read();
    peak.api = Math.max(peak.api, now.api);
    peak.worker = Math.max(peak.worker, now.worker);
  }, 250);
  return {
    /** Ends the sampling (finish does too); safe to call more than once. */
    stop() {
      clearInterval(timer);
    },
    /** Takes the warmed-up figure as the baseline. */
    markBaseline() {
      baseline = read();
    },
    /**
     * Waits `settleSeconds` with no load, so that V8 may shrink its heap when idle (its memory reducer acts
     * some seconds after allocation stops), then reads the figure after.
     */
    async finish(settleSeconds: number): Promise<ServiceMemoryResult> {
      clearInterval(timer);
      const last = read();
      peak.api = Math.max(peak.api, last.api);
      peak.worker = Math.max(peak.worker, last.worker);
      await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
      const after = read();
      const figure = (name: "api" | "worker"): ServiceRss => ({
        started: round(started[name], 0),
        baseline: round(baseline[name], 0),
        peak: round(peak[name], 0),
        after: round(after[name], 0),
        returnedToBaseline: nearBaseline(baseline[name], after[name], { fraction: 0.1, slack: 20 }),
      });
      return {
        settleSeconds,
        api: figure("api"),
        ...(pids.worker === undefined ? {} : { worker: figure("worker") }),
      };
    },
  };
}
