import { watchForDataLoss } from "./redis-data-loss.ts";
import type { ServiceContext } from "./service.ts";

/**
 * What the worker and the notifier both do about Redis losing its data (FLUSHALL, a restart without persistence,
 * an empty replica): watch for it every REDIS_CHECK_EVERY_MS, rebuild the process's jobs from PostgreSQL at once
 * when it happens, stop watching at shutdown, and count it on /metrics (`huiyin_redis_data_losses_total`).
 */
export function rebuildOnDataLoss(
  context: Pick<ServiceContext, "config" | "logger" | "redis" | "shutdown" | "metrics">,
  jobs: string,
  rebuild: () => Promise<object>,
): void {
  const { config, logger, redis, shutdown, metrics } = context;
  const watch = watchForDataLoss({
    redis,
    prefix: config.QUEUE_PREFIX,
    logger,
    everyMs: config.REDIS_CHECK_EVERY_MS,
    onLoss: async () => {
      const rebuilt = await rebuild();
      logger.warn(rebuilt, `${jobs} jobs rebuilt after Redis lost its data`);
    },
  });
  shutdown.add("redis-data-loss-watch", () => watch.close());
  metrics.counter(
    "huiyin_redis_data_losses_total",
    "Times this process saw Redis lose its data (and rebuilt its jobs from PostgreSQL).",
    () => watch.losses(),
  );
}
