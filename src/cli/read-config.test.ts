import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StudioError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";
import { applySets, readJsonFile } from "./read-config.js";

function fileWith(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-read-config-")), "cfg.json");
  writeFileSync(file, text);
  return file;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof StudioError ? err.code : `not a StudioError: ${String(err)}`;
  }
  return undefined;
}

describe("readJsonFile", () => {
  it("refuses 400k levels of nesting with CONFIG_INVALID instead of overflowing the stack later", () => {
    const file = fileWith(`${"[".repeat(400_000)}${"]".repeat(400_000)}`);
    expect(codeOf(() => readJsonFile(file))).toBe("CONFIG_INVALID");
  });

  it("reads a config nested exactly to the limit, comments included", () => {
    const n = LIMITS.maxJsonDepth;
    const file = fileWith(`// deep\n${'{"a":'.repeat(n - 1)}{}${"}".repeat(n - 1)}`);
    let depth = 0;
    for (let v = readJsonFile(file) as Record<string, unknown>; v.a !== undefined; depth++) {
      v = v.a as Record<string, unknown>;
    }
    expect(depth).toBe(n - 1);
  });
});

describe("applySets", () => {
  it("refuses a --set value nested past the limit", () => {
    const value = "[".repeat(LIMITS.maxJsonDepth + 1);
    expect(codeOf(() => applySets({}, [`strategy.params.x=${value}`]))).toBe("CONFIG_INVALID");
  });
});
