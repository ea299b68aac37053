import { defaultPolicy } from "@huiyin/domain";
import { proposalWorkflow, systemClock } from "@huiyin/engine";
import { runService } from "@huiyin/runtime";
import { exportDefinition, toMermaid } from "@huiyin/workflow-proposal";
import { createApp } from "./app.ts";
import { ensureAdminKey } from "./auth/bootstrap.ts";
import { redisRateLimiter } from "./http/rate-limit.ts";

runService(
  { name: "api", redisRole: "producer", healthServer: false },
  async ({ config, logger, database, redis, shutdown, checks }) => {
    const admin = await ensureAdminKey(
      database,
      { key: config.HUIYIN_ADMIN_KEY, file: config.HUIYIN_ADMIN_KEY_FILE },
      logger,
    );
    if (admin.source === "file") {
      logger.info(
        { adminKeyFile: admin.file, keyPrefix: admin.prefix, generated: admin.generated },
        admin.generated ? "generated the first admin API key (owner-only file)" : "admin API key from file",
      );
    } else if (admin.source === "env") {
      logger.info({ keyPrefix: admin.prefix }, "admin API key from HUIYIN_ADMIN_KEY");
    }
    const app = createApp({
      logger,
      checks,
      database,
      bodyLimitBytes: config.API_BODY_LIMIT_BYTES,
      rateLimiter: redisRateLimiter(redis, {
        perMinute: config.API_RATE_LIMIT_PER_MINUTE,
        prefix: config.QUEUE_PREFIX,
        logger,
      }),
      workflow: proposalWorkflow,
      clock: systemClock,
      policy: defaultPolicy,
      workflowDefinition: { describe: exportDefinition, diagram: () => toMermaid() },
    });
    const server = app.listen(config.PORT, config.HOST);
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    // Stop accepting, let in-flight requests finish; idle keep-alive sockets are closed at once.
    shutdown.add("http", () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      return closed;
    });
    logger.info({ url: `http://${config.HOST}:${config.PORT}` }, "api listening");
  },
);
