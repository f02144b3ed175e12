import { describe, expect, it } from "vitest";
import { StudioError } from "../../core/errors.js";
import { hostPolicy } from "./host-policy.js";
import { checkRequest, tokenMatches } from "./request-guard.js";

const token = "s3cret-token-0123456789";
const hosts = hostPolicy([], "0.0.0.0");

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof StudioError ? err.code : "not a StudioError";
  }
}

describe("checkRequest", () => {
  it("lets a loopback request with the right token through", () => {
    expect(
      codeOf(() => checkRequest({ host: "localhost:1", authorization: `Bearer ${token}` }, { hosts, token })),
    ).toBe(undefined);
  });

  it.each([
    ["no Authorization header", {}],
    ["a wrong token", { authorization: "Bearer nope" }],
    ["the token with a suffix", { authorization: `Bearer ${token}x` }],
    ["a token prefix", { authorization: `Bearer ${token.slice(0, -1)}` }],
    ["an empty bearer", { authorization: "Bearer " }],
    ["Basic credentials", { authorization: `Basic ${Buffer.from(`u:${token}`).toString("base64")}` }],
  ])("answers UNAUTHORIZED for %s", (_, headers) => {
    expect(codeOf(() => checkRequest({ host: "localhost", ...headers }, { hosts, token }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("checks the Host before the token, so a rebinding page learns nothing about the token", () => {
    expect(codeOf(() => checkRequest({ host: "evil.example" }, { hosts, token }))).toBe("HOST_NOT_ALLOWED");
  });

  it.each(["http://evil.example", "null", "file://", "http://localhost.evil.example:8787"])(
    "refuses a browser request from origin %s",
    (origin) => {
      expect(codeOf(() => checkRequest({ host: "localhost", origin }, { hosts }))).toBe("HOST_NOT_ALLOWED");
    },
  );

  it("accepts a same-host browser origin", () => {
    expect(
      codeOf(() => checkRequest({ host: "localhost:8787", origin: "http://localhost:8787" }, { hosts })),
    ).toBe(undefined);
  });
});

describe("tokenMatches", () => {
  it("matches only the identical token", () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, token.toUpperCase())).toBe(false);
    expect(tokenMatches(token, "")).toBe(false);
  });
});
