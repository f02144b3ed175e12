import { describe, expect, it } from "vitest";
import { MIN_TOKEN_LENGTH, tokenForBind } from "./bind-policy.js";

const token = "x".repeat(MIN_TOKEN_LENGTH);

describe("tokenForBind", () => {
  it("needs no token on loopback, and enforces one when given", () => {
    expect(tokenForBind("127.0.0.1", undefined)).toBeUndefined();
    expect(tokenForBind("127.0.0.1", "")).toBeUndefined();
    expect(tokenForBind("localhost", token)).toBe(token);
  });

  it.each(["0.0.0.0", "::", "192.168.1.5"])("refuses to bind %s without STUDIO_TOKEN", (bind) => {
    expect(() => tokenForBind(bind, undefined)).toThrow(/STUDIO_TOKEN/);
    expect(tokenForBind(bind, token)).toBe(token);
  });

  it("refuses a token short enough to guess", () => {
    expect(() => tokenForBind("0.0.0.0", "short")).toThrow(/at least 16/);
  });
});
