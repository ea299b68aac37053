import { defineConfig } from "vitest/config";

/**
 * One vitest run for the whole repository.
 *
 * - `unit`: pure logic next to the source (`*.test.ts`), no servers, fast.
 * - `infra`: tests that need the real PostgreSQL and Redis (`*.int.test.ts` next to the source, and every
 *   end-to-end test in `test/`). Its global setup starts both servers once per run; each test file then
 *   gets its own database and its own queue prefix from `@huiyin/infra-local/testing`.
 */
export default defineConfig({
  test: {
    reporters: ["default", "./infra/local/src/testing/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["{packages,workflows,services,infra}/*/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "infra",
          include: ["{packages,workflows,services,infra}/*/src/**/*.int.test.ts", "test/**/*.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["./infra/local/src/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
