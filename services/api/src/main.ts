import { runService } from "@huiyin/runtime";
import { createApp } from "./app.ts";

runService(
  { name: "api", redisRole: "producer", healthServer: false },
  async ({ config, logger, shutdown, checks }) => {
    const app = createApp({ logger, checks });
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
