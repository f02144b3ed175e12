import { describe, expect, it } from "vitest";
import { OBJECTIVE_NAMES, type ObjectiveName, objective } from "./objective.js";
import { EXAMPLE } from "./test-support/example-returns.js";
import { dailyTs, f64, T0 } from "./test-support/series.js";

const series = (equity: Float64Array, initialCash = 100, ts = dailyTs(equity.length)) => ({
  equity,
  ts,
  initialCash,
});

describe("objective", () => {
  it("scores the hand-worked series like the published metrics", () => {
    const s = series(EXAMPLE.equity);
    expect(objective("total_return", s), "125.4 / 100 - 1").toBeCloseTo(0.254, 14);
    expect(objective("sharpe", s), "0.0625 / 0.110867789 x sqrt(365.25)").toBeCloseTo(10.77382067162837, 10);
    expect(objective("sortino", s), "0.0625 / 0.025 x sqrt(365.25)").toBeCloseTo(47.77878713404098, 9);
    // 3 days: cagr = 1.254^(365.25/3) - 1; max drawdown 104.5/110 - 1 = -0.05
    const calmar = (1.254 ** (365.25 / 3) - 1) / 0.05;
    expect(objective("calmar", s) / calmar, "equal up to rounding of a 1.8e13 ratio").toBeCloseTo(1, 12);
  });

  it("ranks a riskless gain above everything and a flat curve below everything", () => {
    const rising = series(f64(101, 102.01, 103.0301));
    const flat = series(f64(100, 100, 100));
    for (const name of ["sharpe", "sortino", "calmar"] as const) {
      expect(objective(name, rising), `${name}: no risk and a gain is the limit +Infinity`).toBe(Infinity);
      expect(objective(name, flat), `${name}: no risk and no gain ranks last`).toBe(-Infinity);
    }
    expect(objective("total_return", flat), "total return is always defined").toBe(0);
  });

  it("ranks what cannot be computed as -Infinity", () => {
    const oneBar = series(f64(110));
    expect(objective("sharpe", oneBar), "one bar: no stdev, no span").toBe(-Infinity);
    expect(objective("sortino", oneBar)).toBe(-Infinity);
    expect(objective("calmar", oneBar), "under a day: no cagr").toBe(-Infinity);
    const hourly = series(f64(110, 90), 100, f64(T0, T0 + 3_600_000));
    expect(objective("calmar", hourly), "one hour of data has no cagr").toBe(-Infinity);
  });

  it("is never NaN, even when equity touches zero", () => {
    const broke = series(f64(50, 0, 0, 10));
    for (const name of OBJECTIVE_NAMES) {
      expect(Number.isNaN(objective(name, broke)), `${name} must stay comparable`).toBe(false);
    }
  });

  it("orders candidates so the best one sorts first", () => {
    const candidates: Record<string, Float64Array> = {
      steady: f64(101, 102, 101.5, 103),
      choppy: f64(110, 95, 112, 103),
      flat: f64(100, 100, 100, 100),
    };
    const rank = (name: ObjectiveName) =>
      Object.keys(candidates).sort(
        (a, b) => objective(name, series(candidates[b]!)) - objective(name, series(candidates[a]!)),
      );
    // steady: smaller swings for the same 3% gain, so the higher Sharpe; flat ranks last
    expect(rank("sharpe")).toEqual(["steady", "choppy", "flat"]);
    expect(rank("total_return")[2], "flat made 0%").toBe("flat");
  });
});
