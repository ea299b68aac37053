import { runService } from "@huiyin/runtime";

runService({ name: "worker", redisRole: "worker", healthServer: true }, async ({ logger }) => {
  logger.info("worker running");
});
