import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, parseLocalConfig } from "@huiyin/config";
import {
  dataDir,
  type PostgresServer,
  type RedisServer,
  repoRoot,
  runPrisma,
  SetupError,
  startPostgres,
  startRedis,
  stopChild,
  waitUntil,
} from "@huiyin/infra-local";
import { prettyFactory } from "pino-pretty";
import { seedDemo } from "./demo.ts";
import { adminKeyFileOf, serviceSpecs } from "./env.ts";
import { firstAdminSignIn } from "./first-admin.ts";
import { type RunningService, startService } from "./services.ts";
import { type Instance, type Supervisor, supervise } from "./supervisor.ts";

/**
 * `npm start`: the whole system on one machine. Uses DATABASE_URL / REDIS_URL when set, and otherwise a
 * real PostgreSQL and Redis of its own under `.huiyin/`; applies migrations; runs api, worker and notifier;
 * waits until the API, the worker and the notifier are ready; on Ctrl-C stops everything it started, services first.
 * Once ready, a service or an embedded server that dies is started again (1 s, 2 s, 4 s … 30 s apart), never the
 * whole system stopped: the services wait for a restarting PostgreSQL or Redis and carry on by themselves.
 */
async function main(): Promise<void> {
  const started = performance.now();
  const config = parseLocalConfig(process.env);
  const dir = dataDir(config.HUIYIN_DATA_DIR === undefined ? {} : { HUIYIN_DATA_DIR: config.HUIYIN_DATA_DIR });
  const logsDir = path.join(dir, "logs");
  const secretsDir = path.join(dir, "secrets");
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const relative = (target: string) => path.relative(process.cwd(), target) || ".";

  let postgres: PostgresServer | undefined;
  let redis: RedisServer | undefined;
  const servers: Supervisor<Instance>[] = [];
  const services: Supervisor<RunningService>[] = [];
  let stopping = false;
  let ready = false;

  const stopAll = async (force: boolean) => {
    await Promise.allSettled(services.map((service) => service.stop(force)));
    await Promise.allSettled(servers.map((server) => server.stop(force)));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say("Second signal: killing the services now.");
      void stopAll(true).then(() => process.exit(130));
      return;
    }
    stopping = true;
    say(`\n${signal}: stopping huiyin (services first, then the databases)…`);
    void stopAll(false).then(() => {
      say("Stopped.");
      process.exit(0);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    mkdirSync(logsDir, { recursive: true });
    const pending: Promise<void>[] = [];
    // An embedded server that dies (killed, crashed, restarted by hand) is started again on the same data.
    const superviseServer = <T extends Instance & { stop(): Promise<void> }>(
      name: string,
      first: T,
      again: () => Promise<T>,
    ) =>
      servers.push(
        supervise<T>({
          name,
          first,
          start: again,
          stop: (server) => server.stop(),
          say,
          hint: relative(path.join(logsDir, name === "PostgreSQL" ? "postgres.log" : "redis.log")),
        }) as Supervisor<Instance>,
      );
    if (!config.DATABASE_URL) {
      say(`Starting the embedded PostgreSQL on 127.0.0.1:${config.HUIYIN_POSTGRES_PORT}…`);
      const options = {
        dir: path.join(dir, "postgres"),
        secretsDir,
        port: config.HUIYIN_POSTGRES_PORT,
        logFile: path.join(logsDir, "postgres.log"),
        source: config.HUIYIN_POSTGRES,
        toolsDir: path.join(dir, "tools"),
        say,
      };
      pending.push(
        startPostgres(options).then(async (server) => {
          postgres = server;
          superviseServer("PostgreSQL", server, () => startPostgres(options));
          await server.ensureDatabase("huiyin");
        }),
      );
    }
    if (!config.REDIS_URL) {
      say(`Starting the embedded Redis on 127.0.0.1:${config.HUIYIN_REDIS_PORT}…`);
      const options = {
        dir: path.join(dir, "redis"),
        secretsDir,
        port: config.HUIYIN_REDIS_PORT,
        logFile: path.join(logsDir, "redis.log"),
      };
      pending.push(
        startRedis(options).then((server) => {
          redis = server;
          superviseServer("Redis", server, () => startRedis(options));
        }),
      );
    }
    await Promise.all(pending);
    const databaseUrl = config.DATABASE_URL ?? (postgres as PostgresServer).localUrl("huiyin");
    const redisUrl = config.REDIS_URL ?? (redis as RedisServer).url;

    say("Applying database migrations…");
    runPrisma(["migrate", "deploy"], databaseUrl);

    const pretty = prettyFactory({
      colorize: process.stdout.isTTY === true,
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname,service",
      messageFormat: "[{service}] {msg}",
      singleLine: true,
    });
    const adminKeyFile = adminKeyFileOf(config, secretsDir);
    const specs = serviceSpecs({ env: process.env, config, databaseUrl, redisUrl, secretsDir });
    for (const spec of specs) {
      const launch = async () =>
        startService(spec, logsDir, (line) => {
          process.stdout.write(line.startsWith("{") ? pretty(line) : `[${spec.name}] ${line}\n`);
        });
      const first = await launch();
      // Before "ready", a service that exits is a setup problem (a bad setting, a port in use): say so and stop,
      // rather than start it again and again. After, it is a crash: start it again.
      void first.exited.then((how) => {
        if (ready || stopping) return;
        say(`The ${spec.name} service exited (${how}); see ${relative(first.logFile)}. Stopping huiyin.`);
        stopping = true;
        void stopAll(false).then(() => process.exit(1));
      });
      services.push(
        supervise<RunningService>({
          name: `the ${spec.name} service`,
          first,
          start: launch,
          stop: (service, force) => stopChild(service.child, force ? "SIGKILL" : "SIGTERM", 15_000),
          say,
          hint: relative(first.logFile),
          restartIf: () => ready,
          onStart: (service) => say(`The ${spec.name} service runs as pid ${service.child.pid}.`),
        }),
      );
    }

    const apiUrl = `http://127.0.0.1:${config.PORT}`;
    // "Ready" means every service is: the worker and the notifier reconcile their queues before they say so,
    // and can take longer than the API.
    const readiness: [string, string][] = [
      ["The API", apiUrl],
      ["The worker", `http://127.0.0.1:${config.WORKER_HEALTH_PORT}`],
      ["The notifier", `http://127.0.0.1:${config.NOTIFIER_HEALTH_PORT}`],
    ];
    for (const [name, url] of readiness) {
      await waitUntil(
        async () => {
          const response = await fetch(`${url}/readyz`);
          if (response.status !== 200) throw new Error(`readyz answered ${response.status}`);
        },
        60_000,
        name,
      );
    }
    ready = true;
    const firstAdmin = await firstAdminSignIn(
      apiUrl,
      config.HUIYIN_ADMIN_KEY ?? (await readFile(adminKeyFile, "utf8")).trim(),
    ).catch((error: unknown) => {
      say(`Could not prepare the first admin's sign-in: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say("");
    say(`huiyin is ready (${seconds} s).`);
    say(`  API          ${apiUrl}   (GET /healthz, GET /readyz)`);
    say(
      `  Admin key    ${config.HUIYIN_ADMIN_KEY ? "from HUIYIN_ADMIN_KEY" : `${relative(adminKeyFile)} (owner-only; send it as Authorization: Bearer <key>)`}`,
    );
    if (firstAdmin?.invitation) {
      say(`  Sign in      open ${firstAdmin.invitation}`);
      say(`               to set the password of ${firstAdmin.login} (single-use, valid for a few days), then sign in`);
    } else if (firstAdmin) {
      say(`  Sign in      ${apiUrl}/console as ${firstAdmin.login} (an admin can invite others)`);
    }
    say(`  Reference    ${apiUrl}/v1/reference   (the OpenAPI document, browsable; /v1/openapi.json)`);
    say(`  Queue board  ${apiUrl}/admin/queues   (the default committee's admins; read-only unless QUEUE_BOARD_WRITE)`);
    say(`  worker       http://127.0.0.1:${config.WORKER_HEALTH_PORT}/readyz`);
    say(`  notifier     http://127.0.0.1:${config.NOTIFIER_HEALTH_PORT}/readyz`);
    say(
      `  PostgreSQL   ${postgres ? `embedded, 127.0.0.1:${postgres.port}, data in ${relative(path.join(dir, "postgres"))}` : "DATABASE_URL"}`,
    );
    say(
      `  Redis        ${redis ? `embedded, 127.0.0.1:${redis.port}, data in ${relative(path.join(dir, "redis"))}` : "REDIS_URL"}`,
    );
    say(
      `  Logs         ${relative(logsDir)}/ (JSON lines: api.log, worker.log, notifier.log, postgres.log, redis.log)`,
    );
    const pids = services.map((service) => `${service.current()?.name} pid ${service.current()?.child.pid}`);
    say(`  Processes    ${pids.join(", ")}`);
    say("  Restarts     a service, PostgreSQL or Redis that dies is started again (after 1 s, 2 s … 30 s)");
    if (process.argv.includes("--demo")) await seedDemo(databaseUrl, say);
    say("Press Ctrl-C to stop.");
  } catch (error) {
    stopping = true;
    await stopAll(false);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof SetupError || error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n`);
  } else {
    process.stderr.write(
      `\nhuiyin could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  if (!existsSync(path.join(repoRoot, "node_modules")))
    process.stderr.write("(Did the install step run? Try: npm start)\n");
  process.exit(1);
});
