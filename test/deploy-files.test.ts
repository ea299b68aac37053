import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { aptInstall, which } from "../infra/local/src/system.ts";
import { repoRoot } from "./support/processes.ts";

/**
 * The deployment files under infra/deploy cannot run here (no container engine, no systemd as PID 1): they are
 * checked with Debian's own tools instead — `docker-compose config` (the compose file resolves, with every service,
 * health check, restart policy and start order) and `systemd-analyze verify` (the units parse, their commands and
 * dependencies exist). The tools are installed with apt when missing (as root on Debian, like the start command's
 * servers).
 */
const deploy = path.join(repoRoot, "infra", "deploy");
let work: string;

beforeAll(() => {
  if (!which("docker-compose")) aptInstall(["docker-compose"], "docker-compose", "install docker-compose yourself.");
  if (!which("systemd-analyze")) aptInstall(["systemd"], "systemd-analyze", "install systemd yourself.");
  work = mkdtempSync(path.join(tmpdir(), "huiyin-deploy-"));
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function composeConfig(env: Record<string, string>) {
  copyFileSync(path.join(deploy, "compose.yaml"), path.join(work, "compose.yaml"));
  copyFileSync(path.join(deploy, "huiyin.env.example"), path.join(work, "huiyin.env"));
  return spawnSync("docker-compose", ["-f", "compose.yaml", "config"], {
    cwd: work,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", ...env },
  });
}

interface ComposeService {
  image?: string;
  command?: string[];
  restart?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  logging?: { driver: string; options: Record<string, string> };
}

describe("infra/deploy/compose.yaml", () => {
  it("resolves with docker-compose: PostgreSQL, Redis, a one-shot migrate, then api, worker and notifier", () => {
    const resolved = composeConfig({ POSTGRES_PASSWORD: "pg-secret", REDIS_PASSWORD: "redis-secret" });
    expect(resolved.status, resolved.stderr).toBe(0);
    const services = (parse(resolved.stdout) as { services: Record<string, ComposeService> }).services;
    expect(Object.keys(services).sort()).toEqual(["api", "migrate", "notifier", "postgres", "redis", "worker"]);

    // Redis as BullMQ needs it: append-only, never evicting a key.
    const redis = services.redis?.command?.join(" ") ?? "";
    expect(redis).toContain("--appendonly yes");
    expect(redis).toContain("--maxmemory-policy noeviction");

    expect(services.migrate?.restart).toBe("no");
    expect(services.migrate?.command).toEqual(["node_modules/.bin/huiyin-migrate"]);
    for (const name of ["postgres", "redis", "api", "worker", "notifier"]) {
      const service = services[name];
      expect(service?.restart, name).toBe("unless-stopped");
      expect(service?.healthcheck?.test.length, name).toBeGreaterThan(0);
      expect(service?.logging?.options["max-size"], name).toBeDefined();
    }
    for (const name of ["api", "worker", "notifier"]) {
      const service = services[name];
      expect(service?.depends_on, name).toEqual({
        postgres: { condition: "service_healthy" },
        redis: { condition: "service_healthy" },
        migrate: { condition: "service_completed_successfully" },
      });
      expect(service?.environment?.DATABASE_URL, name).toBe("postgresql://huiyin:pg-secret@postgres:5432/huiyin");
      expect(service?.environment?.REDIS_URL, name).toBe("redis://:redis-secret@redis:6379");
    }
    expect(services.api?.healthcheck?.test.join(" ")).toContain("127.0.0.1:3000/readyz");
    expect(services.worker?.healthcheck?.test.join(" ")).toContain("127.0.0.1:3001/readyz");
    expect(services.notifier?.healthcheck?.test.join(" ")).toContain("127.0.0.1:3002/readyz");
  });

  it("refuses to resolve without the database and Redis passwords", () => {
    const resolved = composeConfig({});
    expect(resolved.status).not.toBe(0);
    expect(resolved.stderr).toMatch(/set (POSTGRES|REDIS)_PASSWORD in \.env/);
  });
});

describe("infra/deploy/systemd", () => {
  const units = path.join(deploy, "systemd");

  it("has a unit per service, a one-shot migration and a target; systemd-analyze verify finds nothing", () => {
    const files = readdirSync(units).sort();
    expect(files).toEqual([
      "huiyin-api.service",
      "huiyin-migrate.service",
      "huiyin-notifier.service",
      "huiyin-worker.service",
      "huiyin.target",
    ]);
    const verified = spawnSync("systemd-analyze", ["verify", "--man=no", ...files.map((file) => `./${file}`)], {
      cwd: units,
      encoding: "utf8",
    });
    expect(verified.stderr).toBe("");
    expect(verified.status).toBe(0);
  });

  it("lets systemd-analyze verify fail on a broken unit (the check above can fail)", () => {
    const broken = path.join(work, "huiyin-broken.service");
    writeFileSync(broken, "[Service]\nExecStart=/nonexistent/node\nRestartt=always\n");
    const verified = spawnSync("systemd-analyze", ["verify", "--man=no", broken], { encoding: "utf8" });
    expect(verified.status).not.toBe(0);
    expect(verified.stderr).toMatch(/Restartt|nonexistent/);
  });
});
