import { describe, expect, it } from "vitest";
import { type FilterColumn, parseTrialFilter } from "./trial-filter.js";

const fast = [5, 10, 20, 40];
const status = ["done", "done", "failed", "done"];
const sharpe = [0.2, 1.5, null, -0.3];
const mode = ["a", "b", "a", "none"];
const columns: FilterColumn[] = [
  { name: "strategy.params.fast", cell: (i) => String(fast[i]) },
  { name: "status", cell: (i) => status[i]! },
  { name: "sharpe", cell: (i) => sharpe[i]! },
  { name: "strategy.params.mode", cell: (i) => mode[i]! },
];
const rows = (text: string) => {
  const f = parseTrialFilter(text, columns);
  return [0, 1, 2, 3].filter(f.test);
};

describe("parseTrialFilter", () => {
  it("compares numbers as numbers, even when the column holds them as text", () => {
    expect(rows("fast>=10"), "10, 20, 40 (not '5' > '10' as text)").toEqual([1, 2, 3]);
    expect(rows("strategy.params.fast<20")).toEqual([0, 1]);
    expect(rows("fast=20")).toEqual([2]);
  });

  it("requires every term, and a null cell fails every comparison but !=", () => {
    expect(rows("sharpe>0 status=done")).toEqual([0, 1]);
    expect(rows("sharpe<100"), "the failed trial has no Sharpe").toEqual([0, 1, 3]);
    expect(rows("sharpe!=1.5")).toEqual([0, 2, 3]);
  });

  it("matches plain words anywhere, case-insensitively, and text comparisons exactly", () => {
    expect(rows("FAIL")).toEqual([2]);
    expect(rows("mode=a")).toEqual([0, 2]);
    expect(rows("mode!=a")).toEqual([1, 3]);
    expect(rows(""), "an empty filter keeps every row").toEqual([0, 1, 2, 3]);
  });

  it("reports terms naming no column and ignores them", () => {
    const f = parseTrialFilter("slow>3 fast>30", columns);
    expect(f.unknown).toEqual(["slow>3"]);
    expect([0, 1, 2, 3].filter(f.test)).toEqual([3]);
  });
});
