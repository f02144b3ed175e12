import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWholeFile } from "./read-whole-file.js";

const dir = mkdtempSync(path.join(tmpdir(), "studio-read-"));
const file = path.join(dir, "a.csv");
writeFileSync(file, "date,open\n2024-01-01,1\n");

describe("readWholeFile", () => {
  it("reads a regular file whole", async () => {
    expect((await readWholeFile(file)).toString()).toBe("date,open\n2024-01-01,1\n");
  });

  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const fifo = path.join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    await expect(readWholeFile(fifo, { followSymlinks: true })).rejects.toMatchObject({
      code: "DATA_INVALID",
      message: `${fifo} is a FIFO (named pipe); only regular files are read`,
    });
  });

  it("refuses a directory and a character device", async () => {
    const sub = path.join(dir, "sub.csv");
    mkdirSync(sub);
    await expect(readWholeFile(sub)).rejects.toMatchObject({
      message: `${sub} is a directory; only regular files are read`,
    });
    await expect(readWholeFile("/dev/null", { followSymlinks: true })).rejects.toMatchObject({
      code: "DATA_INVALID",
      message: "/dev/null is a device; only regular files are read",
    });
  });

  it("follows a symbolic link only when asked to", async () => {
    const link = path.join(dir, "link.csv");
    symlinkSync(file, link);
    await expect(readWholeFile(link)).rejects.toMatchObject({
      code: "DATA_INVALID",
      message: expect.stringContaining("is a symbolic link"),
    });
    expect((await readWholeFile(link, { followSymlinks: true })).length).toBe(23);
  });
});
