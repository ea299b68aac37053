import { describe, expect, it } from "vitest";
import { bodyProblem, MAX_BODY_DEPTH } from "./input-guard.ts";

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
};

describe("bodyProblem", () => {
  it("accepts ordinary bodies, up to the depth limit", () => {
    expect(bodyProblem({ title: "关于…", proposers: [{ id: "m-1" }], submit: true })).toBeUndefined();
    expect(bodyProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(bodyProblem(undefined)).toBeUndefined();
  });

  it("refuses one level more, and a body far deeper than any recursion could walk", () => {
    expect(bodyProblem(nested(MAX_BODY_DEPTH + 1))?.code).toBe("BODY_TOO_DEEP");
    expect(bodyProblem(nested(200_000))?.code).toBe("BODY_TOO_DEEP");
  });

  it("refuses a NUL in a string or in a key, and says where", () => {
    const inValue = bodyProblem({ proposers: [{ id: "a\u0000b" }] });
    expect(inValue?.code).toBe("INVALID_CHARACTER");
    expect(inValue?.status).toBe(400);
    expect(inValue?.details).toEqual({ fields: [{ path: "proposers.0.id", message: expect.any(String) }] });
    expect(bodyProblem({ channels: { "x\u0000": ["inbox"] } })?.code).toBe("INVALID_CHARACTER");
    expect(bodyProblem(["\u0000"])?.code).toBe("INVALID_CHARACTER");
  });

  it("refuses a lone surrogate, and accepts a well-formed pair", () => {
    expect(bodyProblem({ title: "a\ud800b" })?.code).toBe("INVALID_CHARACTER");
    expect(bodyProblem({ title: "\udc00" })?.code).toBe("INVALID_CHARACTER");
    expect(bodyProblem({ "\ud83d": 1 })?.code).toBe("INVALID_CHARACTER");
    expect(bodyProblem({ title: "关于😀的建议" })).toBeUndefined();
  });
});
