/**
 * computeMetrics against an independent, deliberately naive reimplementation (plain arrays, the textbook
 * formulas, no shared helpers) on a seeded random run, for every return- and drawdown-based metric.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../core/rng.js";
import { computeMetrics } from "./compute-metrics.js";
import { barReturns } from "./returns/bar-returns.js";
import { perPeriodSharpe } from "./returns/per-period-sharpe.js";
import { candlesOf, fillsOf, portfolioOf, tradesOf } from "./test-support/run-results.js";
import { T0 } from "./test-support/series.js";

const HOUR = 3_600_000;
const YEAR = 365.25 * 24 * HOUR;

function randomRun(seed: number, n: number) {
  const rng = Rng.fromSeed(seed);
  const ts: number[] = [];
  const equity: number[] = [];
  const close: number[] = [];
  let t = T0;
  let e = 10_000;
  let c = 100;
  for (let i = 0; i < n; i++) {
    t += rng.next() < 0.02 ? 48 * HOUR : HOUR; // occasional weekend-like gaps
    ts.push(t);
    equity.push((e *= 1 + 0.004 * rng.normal() + 0.0002));
    close.push((c *= 1 + 0.003 * rng.normal()));
  }
  return { ts, equity, close, initialCash: 10_000 };
}

function naive(ts: number[], equity: number[], initialCash: number) {
  const r = equity.map((e, i) => e / (i === 0 ? initialCash : equity[i - 1]!) - 1);
  const n = r.length;
  const mean = r.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const down = Math.sqrt(r.reduce((a, x) => a + Math.min(x, 0) ** 2, 0) / n);
  const years = (ts[n - 1]! - ts[0]!) / YEAR;
  const bpy = (n - 1) / years;
  const total = equity[n - 1]! / initialCash - 1;
  const cagr = (1 + total) ** (1 / years) - 1;
  let peak = -Infinity;
  let mdd = 0;
  for (const e of equity) {
    peak = Math.max(peak, e);
    mdd = Math.min(mdd, e / peak - 1);
  }
  return {
    r,
    perPeriod: mean / sd,
    metrics: {
      total_return: total,
      cagr,
      volatility: sd * Math.sqrt(bpy),
      sharpe: (mean / sd) * Math.sqrt(bpy),
      sortino: (mean / down) * Math.sqrt(bpy),
      max_drawdown: mdd,
      calmar: cagr / Math.abs(mdd),
    },
  };
}

describe("computeMetrics cross-check", () => {
  for (const seed of [1, 2, 3]) {
    it(`matches a naive reimplementation on random run ${seed}`, () => {
      const run = randomRun(seed, 3000);
      const ts = Float64Array.from(run.ts);
      const m = computeMetrics({
        candles: candlesOf(ts, run.close, run.close),
        portfolio: portfolioOf(
          ts,
          run.equity,
          run.equity.map(() => 1),
        ),
        fills: fillsOf([]),
        trades: tradesOf([]),
        initialCash: run.initialCash,
      });
      const expected = naive(run.ts, run.equity, run.initialCash);
      for (const [key, value] of Object.entries(expected.metrics)) {
        const actual = m[key as keyof typeof m] as number;
        expect(Math.abs(actual - value), `${key}: ${actual} vs naive ${value}`).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(value)),
        );
      }
      const r = barReturns(Float64Array.from(run.equity), run.initialCash);
      const bad = r.findIndex((x, i) => !(Math.abs(x - expected.r[i]!) < 1e-15));
      expect(
        bad,
        `first bar return off the naive one by 1e-15 or more: ${r[bad]} vs ${expected.r[bad]}`,
      ).toBe(-1);
      expect(perPeriodSharpe(r)).toBeCloseTo(expected.perPeriod, 12);
    });
  }

  it("never emits NaN or Infinity, whatever the run", () => {
    const run = randomRun(9, 200);
    const ts = Float64Array.from(run.ts);
    const m = computeMetrics({
      candles: candlesOf(ts, run.close, run.close),
      portfolio: portfolioOf(
        ts,
        run.equity,
        run.equity.map(() => 0),
      ),
      fills: fillsOf([{ bar: 3, side: 1, qty: 1, price: 100 }]),
      trades: tradesOf([{ entryBar: 3, exitBar: 7, pnl: 5, returnPct: 0.0005 }]),
      initialCash: run.initialCash,
    });
    // The per-exit-reason fields are objects of numbers; every leaf must be null or finite.
    const leaves = Object.entries(m).flatMap(([key, value]) =>
      typeof value === "object" && value !== null
        ? Object.entries(value).map(([k, v]) => [`${key}.${k}`, v] as const)
        : [[key, value] as const],
    );
    for (const [key, value] of leaves) {
      expect(value === null || Number.isFinite(value), `${key} = ${value}`).toBe(true);
    }
  });
});
