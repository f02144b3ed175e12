/**
 * The repository stands on its own: no file points at material a user's clone does not have (the design notes
 * and research folder the project was started from), and the library examples in the docs import only what the
 * package exports, by its name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Not part of the repository's own text: installed or generated files, and the CI entry point. */
const SKIP = new Set(["node_modules", ".git", ".ci", "dist", ".tmp", ".bench-dist", "coverage", "results"]);
// Assembled from pieces so that this file does not match itself.
const OUTSIDE = [
  new RegExp(["DESIGN", "\\.md"].join(""), "i"),
  new RegExp(["\\.\\./", "shared"].join("")),
  new RegExp(["/work/", "shared"].join("")),
  new RegExp(["validation", "-spec"].join("")),
];

function repoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? repoFiles(full) : [full];
  });
}

const markdown = () => repoFiles(ROOT).filter((f) => f.endsWith(".md"));

describe("docs and comments", () => {
  it("never point outside the repository", () => {
    const hits: string[] = [];
    for (const file of repoFiles(ROOT)) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (OUTSIDE.some((re) => re.test(line)))
          hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(
      hits,
      "these lines refer to files a clone does not have; point to docs/architecture.md instead",
    ).toEqual([]);
  });

  it("show library use through the package's exports, every imported name exported by src/index.ts", async () => {
    const index = (await import("../src/index.js")) as Record<string, unknown>;
    const indexText = readFileSync(path.join(ROOT, "src", "index.ts"), "utf8");
    let examples = 0;
    for (const file of markdown()) {
      const text = readFileSync(file, "utf8");
      for (const block of text.matchAll(/```(?:ts|js|typescript|javascript)\n([\s\S]*?)```/g)) {
        for (const m of block[1]!.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/g)) {
          const where = `${path.relative(ROOT, file)}: import from "${m[2]}"`;
          expect(
            m[2]!.startsWith("."),
            `${where}: examples import the package by name, not inner paths`,
          ).toBe(false);
          if (m[2] !== "backtest-studio") continue;
          examples++;
          for (const raw of m[1]!.split(",")) {
            const entry = raw.trim();
            if (entry === "") continue;
            const isType = entry.startsWith("type ");
            const name = entry.replace(/^type\s+/, "").split(/\s+as\s+/)[0]!;
            const exported = isType ? new RegExp(`\\b${name}\\b`).test(indexText) : name in index;
            expect(exported, `${where}: backtest-studio does not export ${name}`).toBe(true);
          }
        }
      }
    }
    expect(examples, "the README and docs/data.md have library examples").toBeGreaterThanOrEqual(2);
  });
});
