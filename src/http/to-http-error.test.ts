import { describe, expect, it } from "vitest";
import { StudioError } from "../core/errors.js";
import { toHttpError } from "./to-http-error.js";

describe("toHttpError", () => {
  it("keeps studio errors as they are", () => {
    const e = new StudioError("NOT_FOUND", "no run");
    expect(toHttpError(e, {})).toBe(e);
  });

  it("turns fastify's request errors into client errors with stable codes", () => {
    const fst = (code: string, statusCode: number) => Object.assign(new Error(code), { code, statusCode });
    expect(toHttpError(fst("FST_ERR_CTP_BODY_TOO_LARGE", 413), {}).code).toBe("LIMIT_EXCEEDED");
    expect(
      toHttpError(fst("FST_ERR_CTP_INVALID_MEDIA_TYPE", 415), { contentType: "text/plain" }).message,
    ).toMatch(/must be JSON.*text\/plain/);
    expect(toHttpError(fst("FST_ERR_CTP_INVALID_JSON_BODY", 400), {}).code).toBe("CONFIG_INVALID");
  });

  it("calls anything unexpected INTERNAL, a bug", () => {
    expect(toHttpError(new TypeError("x is undefined"), {}).code).toBe("INTERNAL");
    expect(
      toHttpError(Object.assign(new Error("boom"), { code: "FST_ERR_SOMETHING", statusCode: 500 }), {}).code,
    ).toBe("INTERNAL");
  });
});
