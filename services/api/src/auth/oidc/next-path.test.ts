import { describe, expect, it } from "vitest";
import { consoleNext, DEFAULT_NEXT } from "./next-path.ts";

describe("consoleNext: where an OIDC sign-in lands (no open redirect)", () => {
  it("keeps a console path with its query", () => {
    expect(consoleNext("/proposals/p-1")).toBe("/proposals/p-1");
    expect(consoleNext("/proposals?stage=registered&q=%E6%B0%B4")).toBe("/proposals?stage=registered&q=%E6%B0%B4");
  });

  it("lands on My work when nothing is asked, or when the sign-in page itself is", () => {
    expect(consoleNext(undefined)).toBe(DEFAULT_NEXT);
    expect(consoleNext("")).toBe(DEFAULT_NEXT);
    expect(consoleNext("/sign-in?next=/work")).toBe(DEFAULT_NEXT);
  });

  it("refuses anything that could leave the console or the site", () => {
    for (const hostile of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "evil.example",
      "javascript:alert(1)",
      "/../v1/api-keys",
      "/%2e%2e/v1/api-keys",
      "/work\r\nSet-Cookie: x=1",
      "/work\u0000",
      `/${"a".repeat(2001)}`,
    ]) {
      expect(consoleNext(hostile), hostile).toBeUndefined();
    }
  });
});
