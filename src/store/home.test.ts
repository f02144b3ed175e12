import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveHome, safeJoin } from "./home.js";

describe("resolveHome", () => {
  it("prefers --home, then STUDIO_HOME, then the working directory", () => {
    expect(resolveHome("/a", { STUDIO_HOME: "/b" }).root).toBe("/a");
    expect(resolveHome(undefined, { STUDIO_HOME: "/b" }).db).toBe(path.join("/b", "studio.db"));
    expect(resolveHome(undefined, {}).root).toBe(process.cwd());
  });
});

describe("safeJoin", () => {
  it("joins plain names under the base", () => {
    expect(safeJoin("/h/runs", "abc", "equity.parquet")).toBe("/h/runs/abc/equity.parquet");
  });

  it("refuses separators, dot segments and NUL bytes", () => {
    for (const bad of ["..", ".", "a/b", "a\\b", "", "a\0b"]) {
      expect(() => safeJoin("/h", bad), `segment ${JSON.stringify(bad)}`).toThrow(/unsafe path segment/);
    }
  });
});
