import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Every process's `/metrics`: a prom-client registry of its own (never the library's global one, so that a test
 * running several apps in one process keeps their samples apart) with the default process and Node metrics
 * (`process_*`, `nodejs_*`), and the service's own. Domain metrics are built on `registry` directly (see
 * domain-metrics.ts); `gauge` and `counter` keep the two small shapes the services used before the library.
 */
export interface Metrics {
  registry: Registry;
  /** A value read when scraped; `undefined` (not known yet) leaves the sample out. */
  gauge(name: string, help: string, read: () => number | undefined): void;
  /** A counter of its own (`inc`), or one whose total `read` gives. */
  counter(name: string, help: string, read?: () => number): { inc(by?: number): void };
  /** The exposition text. */
  render(): Promise<string>;
  /** Its content type (`text/plain; version=0.0.4; charset=utf-8`). */
  contentType: string;
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });
  return {
    registry,
    gauge(name, help, read) {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          const value = read();
          // Not known yet (the first look has not come back, the database is away): no sample rather than a 0.
          if (value === undefined || !Number.isFinite(value)) this.remove({});
          else this.set(value);
        },
      });
    },
    counter(name, help, read) {
      // With `read`, a total kept elsewhere (the data-loss watch's): the counter shows it as it is at each scrape.
      const collect = read
        ? function (this: Counter) {
            this.reset();
            this.inc(read());
          }
        : undefined;
      return new Counter({ name, help, registers: [registry], ...(collect ? { collect } : {}) });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

export { Counter, Gauge, Histogram, Registry };
