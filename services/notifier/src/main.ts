import { createWorker, parsePayload } from "@huiyin/queue";
import { runService } from "@huiyin/runtime";
import { deliverToInbox } from "./inbox.ts";

runService(
  { name: "notifier", redisRole: "worker", healthServer: true },
  async ({ config, logger, database, redis, shutdown }) => {
    const notices = createWorker(
      "notices",
      async (job) => {
        const { noticeId } = parsePayload("notice.deliver", job.data);
        const delivered = await deliverToInbox(database, noticeId, logger.child({ jobId: job.id, noticeId }));
        return { delivered };
      },
      redis,
      { prefix: config.QUEUE_PREFIX, concurrency: 10 },
    );
    notices.on("error", (error) => logger.error({ err: error }, "notice worker error"));
    shutdown.add("notices", () => notices.close());
    logger.info("notifier running");
  },
);
