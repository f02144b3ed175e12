import { describe, expect, it } from "vitest";
import {
  argmaxFirst,
  OBJECTIVE_NAMES,
  objectiveAndSharpe,
  objectiveValue,
  sharpeRatio,
} from "./objective.js";

const f = (xs: number[]) => Float64Array.from(xs);

describe("objectives", () => {
  const r = f([0.01, -0.02, 0.03, 0.0]);

  it("computes each objective on hand-worked returns", () => {
    // mean 0.005, sample sd = sqrt((0.005² + 0.025² + 0.025² + 0.005²)/3) = sqrt(0.0013/3)
    const sd = Math.sqrt(0.0013 / 3);
    expect(sharpeRatio(r)).toBeCloseTo(0.005 / sd, 14);
    expect(objectiveValue("sharpe", r, 4)).toBeCloseTo((0.005 / sd) * 2, 14);
    expect(objectiveValue("total_return", r, 4)).toBeCloseTo(1.01 * 0.98 * 1.03 - 1, 15);
    // downside: only -0.02 -> sqrt(0.0004 / 4) = 0.01
    expect(objectiveValue("sortino", r, 4)).toBeCloseTo((0.005 / 0.01) * 2, 14);
    // 4 bars = one year at P = 4: CAGR = total return; MDD = 1 - 0.98 = 0.02 (from 1.01 down to 0.9898)
    expect(objectiveValue("calmar", r, 4)).toBeCloseTo((1.01 * 0.98 * 1.03 - 1) / 0.02, 10);
  });

  it("scores flat ranges 0 and riskless gains +Infinity", () => {
    expect(objectiveValue("sharpe", f([0, 0, 0]), 252)).toBe(0);
    expect(sharpeRatio(f([0.01, 0.01]))).toBe(Number.POSITIVE_INFINITY);
    expect(objectiveValue("sortino", f([0.01, 0]), 252)).toBe(Number.POSITIVE_INFINITY);
    expect(objectiveValue("calmar", f([0, 0]), 252)).toBe(0);
    expect(sharpeRatio(f([0.01])), "one return has no stdev").toBeNaN();
  });

  it("is never NaN: what cannot be scored ranks last, a riskless loss below every risky one", () => {
    expect(objectiveValue("sharpe", f([0.01]), 252), "one return has no stdev").toBe(-Infinity);
    expect(objectiveValue("sortino", f([]), 252), "no returns").toBe(-Infinity);
    expect(objectiveValue("sharpe", f([-0.01, -0.01]), 252), "a loss without variance").toBe(-Infinity);
    for (const name of OBJECTIVE_NAMES) {
      const v = objectiveValue(name, f([0.5, -1, 0, 0.1]), 252);
      expect(Number.isNaN(v), `${name} of a series that goes broke must stay comparable`).toBe(false);
    }
  });

  it("picks the first maximum and ranks NaN last", () => {
    expect(argmaxFirst([1, 3, 3, 2])).toBe(1);
    expect(argmaxFirst([Number.NaN, -5, Number.NaN])).toBe(1);
    expect(argmaxFirst([Number.NaN, Number.NaN])).toBe(0);
  });

  it("gives objectiveValue and sharpeRatio's values together, for every objective and degenerate range", () => {
    for (const returns of [r, f([]), f([0.01]), f([0, 0, 0]), f([0.01, 0.01]), f([-0.01, 0.02, 0.005])]) {
      for (const name of OBJECTIVE_NAMES) {
        const both = objectiveAndSharpe(name, returns, 252);
        expect(Object.is(both.objective, objectiveValue(name, returns, 252)), `${name} objective`).toBe(true);
        expect(Object.is(both.sharpe, sharpeRatio(returns)), `${name} sharpe`).toBe(true);
      }
    }
  });
});
