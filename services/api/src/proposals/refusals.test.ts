import { EngineError } from "@huiyin/engine";
import { describe, expect, it } from "vitest";
import { httpErrorOf } from "./refusals.ts";

const here = { stage: "handle", states: ["handle.contacting"], allowedEvents: ["handle.contact"] };

describe("engine codes as HTTP", () => {
  it.each([
    ["PROPOSAL_NOT_FOUND", 404, "NOT_FOUND"],
    ["VERSION_MISMATCH", 412, "VERSION_MISMATCH"],
    ["ROLE_NOT_ALLOWED", 403, "FORBIDDEN"],
    ["NOT_A_PARTY", 403, "FORBIDDEN"],
    ["EVENT_NOT_ALLOWED", 409, "EVENT_NOT_ALLOWED"],
    ["CONTACT_REQUIRED", 409, "CONTACT_REQUIRED"],
    ["INVALID_EVENT", 422, "INVALID_EVENT"],
  ])("%s → %i %s", (code, status, httpCode) => {
    const error = httpErrorOf(new EngineError(code, "no"), here);
    expect(error.status).toBe(status);
    expect(error.code).toBe(httpCode);
  });

  it("tells a refused client the state and what it may send instead", () => {
    expect(httpErrorOf(new EngineError("EVENT_NOT_ALLOWED", "no"), here).details).toEqual({
      stage: "handle",
      state: ["handle.contacting"],
      allowedEvents: ["handle.contact"],
    });
    expect(httpErrorOf(new EngineError("ROLE_NOT_ALLOWED", "no"), here).details).toMatchObject({
      reason: "ROLE_NOT_ALLOWED",
      allowedEvents: ["handle.contact"],
    });
  });
});
