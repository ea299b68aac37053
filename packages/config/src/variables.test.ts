import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CONFIG_TABLE_END,
  CONFIG_TABLE_START,
  configTable,
  configVariables,
  shownConfiguration,
  withConfigTable,
} from "./variables.ts";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

describe("the README's configuration table", () => {
  it("is what the schemas render (run `pnpm config:table` after changing a variable)", () => {
    expect(withConfigTable(readme)).toBe(readme);
  });

  it("has a row, with a meaning, for every variable the services read", () => {
    const table = configTable();
    for (const name of configVariables)
      expect(table).toMatch(new RegExp(`^\\| \`${name}\` \\| [^|]+ \\| .{10,} \\|$`, "m"));
  });

  it("shows a schema's own default, and '—' for a variable without one", () => {
    const table = configTable();
    expect(table).toContain("| `JOB_LOCK_MS` | `30000` |");
    expect(table).toContain("| `HUIYIN_ADMIN_KEY` | — |");
  });

  it("refuses a README without the markers instead of appending a table somewhere", () => {
    expect(() => withConfigTable("# no table here\n")).toThrow(/markers/);
    expect(withConfigTable(`a\n${CONFIG_TABLE_START}\nold\n${CONFIG_TABLE_END}\nb`)).toBe(
      `a\n${CONFIG_TABLE_START}\n${configTable()}\n${CONFIG_TABLE_END}\nb`,
    );
  });
});

describe("shownConfiguration (huiyin config)", () => {
  const env = {
    DATABASE_URL: "postgresql://huiyin:pg-Secret-1@db.internal:5432/huiyin",
    REDIS_URL: "redis://:redis-Secret-2@10.0.0.1:6379,redis://:redis-Secret-3@10.0.0.2:6379",
    SMTP_URL: "smtps://mailer:smtp-Secret-4@smtp.example.gov.cn:465",
    HUIYIN_ADMIN_KEY: "admin-Secret-5-admin-Secret-5-admin-Secret-5",
    SECRETS_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString("base64")}`,
    NOTIFY_LINK_SECRET: "link-Secret-6-link-Secret-6-link-Secret-6",
    ATTACHMENT_S3_SECRET_ACCESS_KEY: "s3-Secret-7",
    PORT: "8080",
  };

  it("shows every service variable, what applies and where from, and never a credential", () => {
    const shown = shownConfiguration(env);
    expect(shown.map((variable) => variable.name)).toEqual(configVariables);
    const text = JSON.stringify(shown);
    for (const secret of [/Secret-\d/, Buffer.alloc(32, 7).toString("base64")]) expect(text).not.toMatch(secret);
    const byName = Object.fromEntries(shown.map((variable) => [variable.name, variable]));
    expect(byName.PORT).toMatchObject({ value: "8080", from: "environment" });
    expect(byName.HOST).toMatchObject({ value: "127.0.0.1", from: "default" });
    expect(byName.DATABASE_URL?.value).toBe("postgresql://huiyin:***@db.internal:5432/huiyin");
    expect(byName.REDIS_URL?.value).toBe("redis://:***@10.0.0.1:6379,redis://:***@10.0.0.2:6379");
    expect(byName.HUIYIN_ADMIN_KEY).toMatchObject({ value: "(set; not shown)", from: "environment" });
    expect(byName.POLICY_FILE).toMatchObject({ value: "(unset)", from: "unset" });
  });

  it("marks as secret every variable whose name says key or secret (but key files and ids of other things)", () => {
    const shown = shownConfiguration(
      Object.fromEntries(configVariables.map((name) => [name, `value-of-${name}-with-some-length`])),
    );
    for (const variable of shown) {
      if (/SECRET|_KEY$|_KEYS$|KEY_ID$/.test(variable.name))
        expect(variable.value, variable.name).toBe("(set; not shown)");
    }
  });
});
