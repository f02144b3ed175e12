import { describe, expect, it } from "vitest";
import { StudioError, toStudioError } from "./errors.js";

const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("toStudioError", () => {
  it("makes a full disk STORAGE_FULL whether the file system, the quota or SQLite says so", () => {
    for (const [code, message] of [
      ["ENOSPC", "ENOSPC: no space left on device, write"],
      ["EDQUOT", "EDQUOT: disk quota exceeded, write"],
      ["SQLITE_FULL", "database or disk is full"],
    ] as const) {
      const e = toStudioError(coded(code, message));
      expect(e.code, code).toBe("STORAGE_FULL");
      expect(e.message, "the message quotes the system's words").toContain(message);
      expect(e.details).toEqual({ errno: code });
    }
  });

  it("finds a full disk behind an INTERNAL wrapper, but keeps other coded errors", () => {
    const wrapped = new StudioError("INTERNAL", "cannot open database", undefined, {
      cause: coded("SQLITE_FULL", "database or disk is full"),
    });
    expect(toStudioError(wrapped).code).toBe("STORAGE_FULL");
    const data = new StudioError("DATA_INVALID", "bad line", undefined, { cause: coded("ENOSPC", "x") });
    expect(toStudioError(data), "a coded error stays as it is").toBe(data);
  });

  it("keeps anything else INTERNAL", () => {
    expect(toStudioError(coded("ENOENT", "no such file")).code).toBe("INTERNAL");
    expect(toStudioError("boom").code).toBe("INTERNAL");
  });
});
