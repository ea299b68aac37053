import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiTypes, GENERATED_TYPES } from "../../scripts/api-types.ts";

describe("the console's generated API types", () => {
  it("equal a fresh generation from the api's OpenAPI document (console and API cannot drift)", async () => {
    const fresh = await apiTypes();
    const checkedIn = readFileSync(GENERATED_TYPES, "utf8");
    expect(checkedIn, "run `pnpm --filter @huiyin/console generate:api` and commit the result").toBe(fresh);
    // The operations the console calls are in it.
    for (const path of ["/v1/proposals", "/v1/my-work", "/v1/notifications", "/v1/stats"]) {
      expect(fresh).toContain(`"${path}"`);
    }
  });
});
