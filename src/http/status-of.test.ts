import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../core/errors.js";
import { STATUS_OF, statusOf } from "./status-of.js";

describe("statusOf", () => {
  it("maps every error code, and only INTERNAL to a 5xx other than an upstream failure or a full disk", () => {
    for (const code of ERROR_CODES) {
      const status = statusOf(code);
      expect(Object.hasOwn(STATUS_OF, code), `${code} has an explicit status`).toBe(true);
      if (code === "INTERNAL") expect(status).toBe(500);
      else if (code === "PROVIDER_UNAVAILABLE") expect(status).toBe(502);
      else if (code === "STORAGE_FULL") expect(status).toBe(507);
      else expect(status >= 400 && status < 500, `${code} is a client error, got ${status}`).toBe(true);
    }
  });

  it("answers the statuses the API documents for its common failures", () => {
    expect(statusOf("CONFIG_INVALID")).toBe(400);
    expect(statusOf("NOT_FOUND")).toBe(404);
    expect(statusOf("INVALID_TRANSITION")).toBe(409);
    expect(statusOf("LIMIT_EXCEEDED")).toBe(413);
    expect(statusOf("UNAUTHORIZED")).toBe(401);
    expect(statusOf("HOST_NOT_ALLOWED")).toBe(403);
    expect(statusOf("STORAGE_FULL"), "a full disk is 507 Insufficient Storage").toBe(507);
  });
});
