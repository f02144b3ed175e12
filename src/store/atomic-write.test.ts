import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomic-write.js";

describe("writeFileAtomic", () => {
  it("writes the bytes, reports their sha256 and size, and leaves no temporary file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aw-"));
    const target = path.join(dir, "a.json");
    const out = writeFileAtomic(target, '{"x":1}');
    expect(readFileSync(target, "utf8")).toBe('{"x":1}');
    expect(out.sha256).toBe(createHash("sha256").update('{"x":1}').digest("hex"));
    expect(out.size).toBe(7);
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });

  it("replaces an existing file whole", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aw-"));
    const target = path.join(dir, "a.bin");
    writeFileAtomic(target, new Uint8Array(10_000_000).fill(1));
    writeFileAtomic(target, new Uint8Array([7]));
    expect(Array.from(readFileSync(target))).toEqual([7]);
  });

  it("fails without touching the target when the folder does not exist", () => {
    expect(() => writeFileAtomic("/nonexistent-dir-xyz/a.json", "{}")).toThrow();
  });
});
