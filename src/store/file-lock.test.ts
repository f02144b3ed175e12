import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withFileLock } from "./file-lock.js";

describe("withFileLock", () => {
  it("holds the lock file during the call and removes it after, even on error", () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), "lk-")), "x.lock");
    expect(withFileLock(lock, () => existsSync(lock))).toBe(true);
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withFileLock(lock, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(existsSync(lock)).toBe(false);
  });

  it("takes over a lock whose owner process no longer exists", () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), "lk-")), "x.lock");
    writeFileSync(lock, "999999999");
    expect(withFileLock(lock, () => "got it", 200)).toBe("got it");
  });

  it("times out while a live process holds the lock", () => {
    const lock = path.join(mkdtempSync(path.join(tmpdir(), "lk-")), "x.lock");
    writeFileSync(lock, String(process.ppid));
    expect(() => withFileLock(lock, () => "never", 100)).toThrow(/timed out waiting for lock/);
  });
});
