import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWholeFile } from "./read-whole-file.js";

describe("readWholeFile", () => {
  it("returns every byte of a file larger than one read chunk, in a buffer that owns its memory", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rw-")), "big.bin");
    const data = Buffer.alloc(3_000_001);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31) & 255;
    writeFileSync(file, data);
    const out = await readWholeFile(file);
    expect(out.equals(data)).toBe(true);
    expect(out.byteOffset === 0 && out.buffer.byteLength === out.length, "no shared pool slab").toBe(true);
  });

  it("reads an empty file and fails with ENOENT for a missing one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "rw-"));
    writeFileSync(path.join(dir, "empty"), "");
    expect((await readWholeFile(path.join(dir, "empty"))).length).toBe(0);
    await expect(readWholeFile(path.join(dir, "nope"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
