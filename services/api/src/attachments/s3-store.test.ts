import { describe, expect, it } from "vitest";
import { objectUrl, signV4 } from "./s3-store.ts";

/** The example credentials of AWS's Signature Version 4 documentation for S3. */
const EXAMPLE = {
  region: "us-east-1",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const at = new Date("2013-05-24T00:00:00Z");

describe("AWS Signature Version 4 (the S3 store's signing)", () => {
  it("signs AWS's documented GET Object example to its documented signature", () => {
    const headers = signV4(
      EXAMPLE,
      "GET",
      new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      at,
      { Range: "bytes=0-9" },
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
    expect(headers["x-amz-date"]).toBe("20130524T000000Z");
  });

  it("signs AWS's documented PUT Object example (an encoded key, more headers) to its documented signature", () => {
    const headers = signV4(
      EXAMPLE,
      "PUT",
      new URL("https://examplebucket.s3.amazonaws.com/test%24file.text"),
      "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
      at,
      { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
    );
    expect(headers.authorization).toContain(
      "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    );
  });

  it("addresses objects path-style, each key segment encoded once", () => {
    expect(objectUrl("https://s3.example.cn/", "huiyin", "proposals/p_1/att_ab").href).toBe(
      "https://s3.example.cn/huiyin/proposals/p_1/att_ab",
    );
    expect(objectUrl("http://127.0.0.1:9000/base", "b", "a$b/c(d)").pathname).toBe("/base/b/a%24b/c%28d%29");
  });
});
