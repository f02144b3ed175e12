/**
 * The rooms of docs/architecture.md#rooms-and-who-may-import-whom, enforced: pure folders import no `node:*` module (except `node:crypto` in
 * core, for hashing), no database/HTTP/CLI library, read no clock and call no Math.random; and no folder imports
 * a room further out than itself.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../src");
// A pure room may also be a subfolder of an edge room (sweeps/plan: the pure half of sweeps).
const PURE = [
  "core",
  "indicators",
  "strategies",
  "risk",
  "execution",
  "engine",
  "metrics",
  "validation",
  "sweeps/plan",
];
const EDGE = ["data", "store", "runs", "plugins", "http", "cli", "sweeps"];

/** The room a path under src belongs to: the pure subfolder it is in, else its first folder. */
function roomOf(rel: string): string {
  const posix = rel.split(path.sep).join("/");
  return PURE.find((r) => r.includes("/") && posix.startsWith(`${r}/`)) ?? posix.split("/")[0]!;
}
const FORBIDDEN_PACKAGES = ["better-sqlite3", "fastify", "commander", "hyparquet", "cli-progress", "echarts"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") && !full.includes("test-support") ? [full] : [];
  });
}

function imports(source: string): string[] {
  return [
    ...source.matchAll(/(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!);
}

describe("architecture", () => {
  for (const room of PURE) {
    it(`keeps src/${room} pure`, () => {
      for (const file of files(path.join(SRC, room))) {
        const rel = path.relative(SRC, file);
        const text = readFileSync(file, "utf8");
        for (const spec of imports(text)) {
          const allowed = spec === "node:crypto" && room === "core";
          expect(spec.startsWith("node:") && !allowed, `${rel} imports ${spec}`).toBe(false);
          expect(
            FORBIDDEN_PACKAGES.some((p) => spec.startsWith(p)),
            `${rel} imports ${spec}`,
          ).toBe(false);
          if (spec.startsWith(".")) {
            const target = roomOf(path.relative(SRC, path.resolve(path.dirname(file), spec)));
            expect(EDGE.includes(target), `${rel} imports the edge room ${target}`).toBe(false);
          }
        }
        const code = text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "");
        expect(
          /Math\.random\(|Date\.now\(|new Date\(\)|performance\.now\(/.test(code),
          `${rel} uses a clock or Math.random`,
        ).toBe(false);
      }
    });
  }
});
