/**
 * @module engine/test-support/make-candles
 * Small candle series for hand-computed engine tests: opens and closes as given, high/low bracketing them,
 * volume 1, daily bars from 2024-01-01 unless explicit timestamps are given. Plus the default run options the
 * engine tests start from (1000 of cash, all-in fixed_fraction, no costs, daily interval).
 */
import type { Candles } from "../../core/candles.js";
import type { ExecutionConfig } from "../../core/run-config.js";
import { resolveRisk } from "../../risk/resolve-risk.js";
import { engineCatalog } from "../engine-catalog.js";
import type { SimulateOptions } from "../simulation/simulate.js";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 0, 1);

export function makeCandles(
  opens: readonly number[],
  closes: readonly number[],
  ts?: readonly number[],
): Candles {
  const n = opens.length;
  if (closes.length !== n || (ts && ts.length !== n)) throw new Error("makeCandles: column lengths differ");
  const out = {
    ts: new Float64Array(n),
    open: Float64Array.from(opens),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: Float64Array.from(closes),
    volume: new Float64Array(n).fill(1),
  };
  for (let i = 0; i < n; i++) {
    out.ts[i] = ts ? ts[i]! : T0 + i * DAY;
    out.high[i] = Math.max(opens[i]!, closes[i]!);
    out.low[i] = Math.min(opens[i]!, closes[i]!);
  }
  return out;
}

/** Candles from [open, high, low, close] rows, daily from 2024-01-01, volume 1: for tests of stops and targets. */
export function makeBars(rows: readonly (readonly [number, number, number, number])[]): Candles {
  const c = makeCandles(
    rows.map((r) => r[0]),
    rows.map((r) => r[3]),
  );
  rows.forEach(([o, h, l, cl], i) => {
    if (!(h >= Math.max(o, cl) && l <= Math.min(o, cl))) throw new Error(`makeBars: row ${i} is not a bar`);
    c.high[i] = h;
    c.low[i] = l;
  });
  return c;
}

export const NO_COSTS: ExecutionConfig = {
  commission_per_share: 0,
  commission_bps: 0,
  slippage_bps: 0,
  borrow_bps: 0,
  lot_size: 0,
};

/** Options for `simulate`: 1000 cash, daily bars, the given execution overrides and sizing model. */
export function options(
  execution: Partial<ExecutionConfig> = {},
  risk: { name: string; params?: Record<string, unknown> } = { name: "fixed_fraction" },
  extra: Partial<SimulateOptions> = {},
): SimulateOptions {
  return {
    initialCash: 1000,
    execution: { ...NO_COSTS, ...execution },
    risk: resolveRisk(risk, engineCatalog(), "risk"),
    intervalMs: DAY,
    ...extra,
  };
}

/** Element-wise bit equality (so -0 differs from 0 and NaN equals NaN), for determinism checks. */
export function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
