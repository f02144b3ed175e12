import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_FUNCTIONS } from "./functions.js";

describe("RULE_FUNCTIONS", () => {
  it("declares one argument kind per name in each signature", () => {
    for (const fn of Object.values(RULE_FUNCTIONS)) {
      const names = fn.signature.slice(fn.name.length + 1, -1).split(", ");
      expect(fn.signature.startsWith(`${fn.name}(`), `${fn.name}: signature starts with the name`).toBe(true);
      expect(names.length, `${fn.signature}: one kind per argument`).toBe(fn.args.length);
    }
  });

  it("holds exactly the functions of the language", () => {
    expect(Object.keys(RULE_FUNCTIONS), "in documentation order").toEqual([
      "prev",
      "cross_above",
      "cross_below",
      "highest",
      "lowest",
      "bars_since",
    ]);
  });

  it("are each documented in docs/strategies.md with their signature", () => {
    const docs = readFileSync(new URL("../../../../docs/strategies.md", import.meta.url), "utf8");
    for (const fn of Object.values(RULE_FUNCTIONS)) {
      expect(docs.includes(`\`${fn.signature}\``), `${fn.signature} is documented`).toBe(true);
    }
  });
});
