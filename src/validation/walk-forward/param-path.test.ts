import { describe, expect, it } from "vitest";
import { z } from "zod";
import { gridTrials } from "./param-grid.js";
import { hasParam, paramKeys, schemaAt, withParam } from "./param-path.js";

const base = { long_entry: "x", vars: { fast: 10, slow: 50 } };

describe("param paths", () => {
  it("sets a dotted key inside an object param without mutating the base", () => {
    const next = withParam(base, "vars.fast", 5);
    expect(next, "only vars.fast changed").toEqual({ long_entry: "x", vars: { fast: 5, slow: 50 } });
    expect(base.vars.fast, "base untouched").toBe(10);
    expect(withParam(base, "long_entry", "y"), "top-level key").toEqual({ long_entry: "y", vars: base.vars });
  });

  it("tells which keys exist and lists them, nested ones as head.key", () => {
    expect(hasParam(base, "vars.fast"), "nested").toBe(true);
    expect(hasParam(base, "vars.fst"), "typo").toBe(false);
    expect(hasParam(base, "long_entry.x"), "not an object").toBe(false);
    expect(paramKeys(base), "all keys").toEqual(["long_entry", "vars", "vars.fast", "vars.slow"]);
  });

  it("finds the schema of a nested param through defaults and records", () => {
    const schema = z.strictObject({
      n: z.int().default(3),
      vars: z.record(z.string(), z.number()).default({}),
    });
    expect(schemaAt(schema, "n")?.safeParse(2.5).success, "n is an int").toBe(false);
    expect(schemaAt(schema, "vars.fast")?.safeParse(2.5).success, "a var is any number").toBe(true);
    expect(schemaAt(schema, "vars.fast")?.safeParse(true).success, "not a boolean").toBe(false);
    expect(schemaAt(schema, "nope"), "unknown").toBeUndefined();
  });

  it("lets a walk-forward grid vary vars.NAME", () => {
    const trials = gridTrials({ "vars.fast": [5, 10], "vars.slow": [30] }, base);
    expect(
      trials.map((t) => t.params),
      "each trial's params",
    ).toEqual([
      { long_entry: "x", vars: { fast: 5, slow: 30 } },
      { long_entry: "x", vars: { fast: 10, slow: 30 } },
    ]);
    expect(trials[0]!.combo, "the combo keeps the dotted key").toEqual({ "vars.fast": 5, "vars.slow": 30 });
  });
});
