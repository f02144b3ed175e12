/**
 * @module plugins/check-strategy
 * The properties every strategy keeps, built-in or user-written, checked through the real engine (`runPlan`:
 * its inputs as shifted features, its targets, the simulated fills) on sample candles for one param set: it runs
 * and writes a finite target on every bar; no feature or target up to bar k+1 and no fill up to bar k moves when
 * any candle after k changes (a regenerated tail and a scaled one, for many k): the decision at the open of k+1
 * may use data through the close of k, nothing later; two runs agree to the bit; every element of the target
 * column is written, whatever it held. Pure: the strategy, its catalog and the candles in, results out.
 */

import type { Candles } from "../core/candles.js";
import type { Catalog } from "../core/catalog/catalog.js";
import type { Fills } from "../core/results.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { type BacktestPlan, planBacktest } from "../engine/plan-backtest.js";
import { inputColumns, type ReplayResult, runPlan } from "../engine/run-plan.js";
import type { StrategyDef } from "../strategies/types.js";
import type { SampleData } from "./check-indicator.js";
import {
  type CheckFailure,
  type CheckResult,
  checkpoints,
  firstDifference,
  type Leak,
  lookAheadFailure,
  num,
  rerunFailure,
} from "./check-report.js";
import { changedFutures } from "./sample-candles.js";

const GARBAGE = -7.77e300;

/** The plan of a one-strategy run with default execution, on `catalog` (which must hold the strategy). */
export function checkPlan(def: StrategyDef, params: Record<string, unknown>, catalog: Catalog): BacktestPlan {
  const config = parseRunConfigShape({
    symbol: "CHECK",
    timeframe: "1d",
    start: 0,
    end: 86_400_000,
    provider: "synthetic",
    strategy: { name: def.name, params },
  });
  return planBacktest(config, catalog);
}

export function checkStrategyProperties(plan: BacktestPlan, samples: readonly SampleData[]): CheckResult[] {
  const results: CheckResult[] = [];
  const fulls = new Map<SampleData, ReplayResult>();
  const run = (candles: Candles) => runPlan(plan, { candles, scope: "replay" });
  const add = (check: CheckResult["check"], description: string, fn: () => CheckFailure | undefined) => {
    let failure: CheckFailure | undefined;
    try {
      failure = fn();
    } catch (err) {
      failure = { check, message: `${check}: ${err instanceof Error ? err.message : String(err)}` };
    }
    results.push({ check, description, ...(failure ? { failure } : {}) });
  };

  add("finite_targets", "runs on every sample and writes a finite target on every bar", () => {
    for (const s of samples) fulls.set(s, run(s.candles));
    return undefined;
  });
  if (fulls.size < samples.length) return results;

  add(
    "look_ahead",
    "leaves every feature and target up to bar k+1, and every fill up to bar k, unchanged when the candles after k change",
    () => {
      for (const s of samples) {
        for (const k of checkpoints(s.candles.ts.length, plan.warmup)) {
          for (const future of changedFutures(s.candles, k, 500 + k)) {
            const leak = firstLeak(fulls.get(s)!, run(future.candles), k);
            if (leak) return lookAheadFailure(leak, k, `${s.label}, ${future.how}`);
          }
        }
      }
      return undefined;
    },
  );

  add("deterministic", "gives bit-identical features, targets and fills twice", () => {
    for (const s of samples) {
      const diff = firstLeak(fulls.get(s)!, run(s.candles), s.candles.ts.length);
      if (diff) return rerunFailure(diff, s.label);
    }
    return undefined;
  });

  add("writes_every_bar", "overwrites every element of a target column filled with garbage", () => {
    for (const s of samples) {
      const full = fulls.get(s)!;
      const out = new Float64Array(s.candles.ts.length).fill(GARBAGE);
      plan.strategy.def.signal(inputColumns(plan, full.features), plan.strategy.params, out);
      const bar = firstDifference(full.signal, out, out.length - 1);
      if (bar >= 0) {
        return {
          check: "writes_every_bar",
          series: "signal",
          bar,
          data: s.label,
          message: `writes every bar: signal[${bar}] kept ${num(out[bar])} instead of being written`,
        };
      }
    }
    return undefined;
  });
  return results;
}

/** The first difference, bar first: features and the target through k+1, then fills through bar k. */
function firstLeak(a: ReplayResult, b: ReplayResult, k: number): Leak | undefined {
  let first: Leak | undefined;
  const consider = (series: string, x: ArrayLike<number>, y: ArrayLike<number>, upTo: number) => {
    const bar = firstDifference(x, y, Math.min(upTo, x.length - 1));
    if (bar >= 0 && (first === undefined || bar < first.bar)) {
      first = { series, bar, before: x[bar]!, after: y[bar] ?? Number.NaN };
    }
  };
  a.features.columns.forEach((column, c) => {
    consider(column.name, column.shifted, b.features.columns[c]!.shifted, k + 1);
  });
  consider("signal", a.signal, b.signal, k + 1);
  const fill = firstFillDifference(a.fills, b.fills, k);
  if (fill && (first === undefined || fill.bar < first.bar)) first = fill;
  return first;
}

/** Compares the fills at bars 0..k field by field; reports the bar of the first that differs. */
function firstFillDifference(a: Fills, b: Fills, k: number): Leak | undefined {
  const fields = [
    "barIndex",
    "side",
    "qty",
    "price",
    "fee",
    "slippage",
    "pnlRealized",
    "borrowCost",
  ] as const;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const barA = i < a.length ? a.barIndex[i]! : Number.POSITIVE_INFINITY;
    const barB = i < b.length ? b.barIndex[i]! : Number.POSITIVE_INFINITY;
    if (Math.min(barA, barB) > k) return undefined;
    for (const field of fields) {
      const x = i < a.length ? a[field][i]! : Number.NaN;
      const y = i < b.length ? b[field][i]! : Number.NaN;
      if (!Object.is(x, y)) {
        return {
          series: `fills.${field === "barIndex" ? "bar" : field}`,
          bar: Math.min(barA, barB),
          before: x,
          after: y,
        };
      }
    }
  }
  return undefined;
}
