import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic, writeFileAtomicAsync } from "./atomic-write.js";
import { fullDiskIo } from "./test-support/full-disk.js";

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

describe("writeFileAtomicAsync on a full disk", () => {
  it("rejects with ENOSPC and removes the temporary file it had started", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aw-"));
    const io = fullDiskIo(1000);
    const chunks = [new Uint8Array(600).fill(1), new Uint8Array(600).fill(2)];
    await expect(writeFileAtomicAsync(path.join(dir, "a.parquet"), chunks, io)).rejects.toMatchObject({
      code: "ENOSPC",
    });
    expect(io.failures, "the second chunk hit the full disk").toBe(1);
    expect(readdirSync(dir), "neither the target nor a .tmp- file is left").toEqual([]);
  });

  it("writes normally while there is room", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aw-"));
    const out = await writeFileAtomicAsync(path.join(dir, "a.json"), "{}", fullDiskIo(10));
    expect(out.size).toBe(2);
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });
});
