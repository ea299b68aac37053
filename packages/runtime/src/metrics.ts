/**
 * A few process metrics in Prometheus's text format, for `GET /metrics` of the worker's and the notifier's health
 * server. Deliberately tiny (gauges read at scrape time, counters, no labels): the api hand-rolls its own the same
 * way, and moving both to a client library is a separate step.
 */
export interface Counter {
  inc(by?: number): void;
}

export interface Metrics {
  /** A value read when scraped; `undefined` (not known yet) leaves the sample out. */
  gauge(name: string, help: string, read: () => number | undefined): void;
  /** A counter of its own (`inc`), or one whose total `read` gives. */
  counter(name: string, help: string, read?: () => number): Counter;
  /** The exposition text (`text/plain; version=0.0.4`). */
  render(): string;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function createMetrics(): Metrics {
  const entries = new Map<string, { help: string; type: "gauge" | "counter"; read: () => number | undefined }>();
  const add = (name: string, help: string, type: "gauge" | "counter", read: () => number | undefined) => {
    if (!NAME.test(name)) throw new Error(`metric name ${name} is not a Prometheus name`);
    if (entries.has(name)) throw new Error(`metric ${name} registered twice`);
    entries.set(name, { help, type, read });
  };
  return {
    gauge: (name, help, read) => add(name, help, "gauge", read),
    counter(name, help, read) {
      let value = 0;
      add(name, help, "counter", read ?? (() => value));
      return {
        inc(by = 1) {
          value += by;
        },
      };
    },
    render() {
      const lines: string[] = [];
      for (const [name, entry] of entries) {
        lines.push(`# HELP ${name} ${entry.help.replaceAll("\\", "\\\\").replaceAll("\n", "\\n")}`);
        lines.push(`# TYPE ${name} ${entry.type}`);
        const value = entry.read();
        if (value !== undefined && Number.isFinite(value)) lines.push(`${name} ${value}`);
      }
      return `${lines.join("\n")}\n`;
    },
  };
}
