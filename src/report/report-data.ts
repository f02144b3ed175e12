/**
 * @module report/report-data
 * The JSON blob report.html renders, built from a run's in-memory results. Long series are cut to what a screen
 * can show: equity, buy-and-hold, drawdown and close keep each pixel column's min and max (spikes survive), and
 * candles come in two resolutions (every bar up to 20 000 of them, otherwise bars merged into 20 000 and 2 000
 * candles) so a zoomed window draws real candles without shipping a million. Numbers are rounded to 7
 * significant digits for display only; the Parquet artifacts keep full precision.
 */
import type { Candles } from "../core/candles.js";
import type { Fills, RoundTrips } from "../core/results.js";
import { TIMEFRAME_MS, type Timeframe } from "../core/timeframe.js";
import { type AtrColumns, exitAtrPeriods, type ResolvedExits } from "../engine/simulation/exit-model.js";
import type { FeatureColumn } from "../indicators/features/feature-set.js";
import { minMaxDownsample } from "../runs/plots/plot-downsample.js";
import { formatMetrics } from "./format-metric.js";
import { type PeriodReturns, periodReturns } from "./period-returns.js";
import { runWarnings } from "./run-warnings.js";
import { type TradeLevels, tradeLevels } from "./trade-levels.js";

export const LINE_BUCKETS = 2000;
export const FINE_CANDLES = 20_000;
export const COARSE_CANDLES = 2000;
export const MAX_TRADES = 5000;
/** Trade markers are four numbers a trade, so far more of them fit than table rows. */
export const MAX_MARKERS = 50_000;
/** Stop steps drawn at most (a trailing stop steps at each new high): about 1 MB of the page at the most. */
export const MAX_LEVEL_STEPS = 40_000;

export interface ReportInputs {
  readonly candles: Candles;
  readonly ts: Float64Array;
  readonly equity: Float64Array;
  readonly drawdown: Float64Array;
  readonly fills: Pick<Fills, "ts" | "side" | "qty" | "price">;
  readonly trades: RoundTrips;
  /** Names of the exit reason codes of `trades.exitReason`, when the run has them. */
  readonly exitReasonNames?: readonly string[];
  /** The run's features (sliced like the candles): the exits' ATR columns are read from them. */
  readonly features?: readonly FeatureColumn[];
  readonly metrics: object;
  readonly validation?: unknown;
  readonly summary: unknown;
  readonly title: string;
  readonly subtitle: string;
}

export interface CandleLevel {
  /** Bars merged into one candle. */
  readonly bars: number;
  readonly t: number[];
  readonly o: number[];
  readonly h: number[];
  readonly l: number[];
  readonly c: number[];
}

export interface Series {
  readonly t: number[];
  readonly y: number[];
}

export interface ReportData {
  readonly title: string;
  readonly subtitle: string;
  readonly barMs: number | null;
  readonly bars: number;
  readonly metrics: [string, string][];
  readonly metricsRaw: object;
  readonly warnings: string[];
  readonly summary: unknown;
  readonly validation: unknown;
  readonly series: { equity: Series; buyHold: Series; drawdown: Series; close: Series };
  readonly candles: CandleLevel[];
  readonly trades: {
    readonly total: number;
    readonly columns: Record<string, (number | string)[]>;
  };
  /** Entry and exit of the first MAX_MARKERS trades, for the price chart; side +1 long, -1 short. */
  readonly markers: {
    readonly entryTs: number[];
    readonly entryPrice: number[];
    readonly exitTs: number[];
    readonly exitPrice: number[];
    readonly side: number[];
    readonly reason?: string[];
    /** Stop steps and target of each marked trade, when the config sets a stop, trailing stop or target. */
    readonly levels?: TradeLevels;
  };
  readonly periods: PeriodReturns;
}

const r7 = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(7)) : v);

function line(ts: Float64Array, y: Float64Array): Series {
  const d = minMaxDownsample(ts, y, LINE_BUCKETS);
  return { t: Array.from(d.x), y: Array.from(d.y, r7) };
}

/** Merges `k` consecutive bars into one candle: first open, highest high, lowest low, last close. */
export function mergeCandles(c: Candles, k: number): CandleLevel {
  const n = c.ts.length;
  const m = Math.ceil(n / k);
  const out: CandleLevel = {
    bars: k,
    t: new Array(m),
    o: new Array(m),
    h: new Array(m),
    l: new Array(m),
    c: new Array(m),
  };
  for (let j = 0; j < m; j++) {
    const from = j * k;
    const to = Math.min(n, from + k);
    let hi = Number.NEGATIVE_INFINITY;
    let lo = Number.POSITIVE_INFINITY;
    for (let i = from; i < to; i++) {
      if (c.high[i]! > hi) hi = c.high[i]!;
      if (c.low[i]! < lo) lo = c.low[i]!;
    }
    out.t[j] = c.ts[from]!;
    out.o[j] = r7(c.open[from]!);
    out.h[j] = r7(hi);
    out.l[j] = r7(lo);
    out.c[j] = r7(c.close[to - 1]!);
  }
  return out;
}

function candleLevels(c: Candles): CandleLevel[] {
  const n = c.ts.length;
  if (n <= FINE_CANDLES) return [mergeCandles(c, 1)];
  return [mergeCandles(c, Math.ceil(n / COARSE_CANDLES)), mergeCandles(c, Math.ceil(n / FINE_CANDLES))];
}

function tradeColumns(t: RoundTrips, names?: readonly string[]): ReportData["trades"]["columns"] {
  const n = Math.min(t.entryTs.length, MAX_TRADES);
  const pick = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
  const cols: ReportData["trades"]["columns"] = {
    entry_ts: pick((i) => t.entryTs[i]!),
    exit_ts: pick((i) => t.exitTs[i]!),
    side: pick((i) => (t.direction[i]! > 0 ? "long" : "short")),
    qty: pick((i) => r7(t.qty[i]!)),
    entry_price: pick((i) => r7(t.entryPrice[i]!)),
    exit_price: pick((i) => r7(t.exitPrice[i]!)),
    pnl: pick((i) => r7(t.pnl[i]!)),
    return_pct: pick((i) => r7(t.returnPct[i]!)),
    bars: pick((i) => t.exitBar[i]! - t.entryBar[i]!),
  };
  const reason = t.exitReason;
  if (reason && names) cols.exit_reason = pick((i) => names[reason[i]!] ?? String(reason[i]));
  return cols;
}

function markersOf(t: RoundTrips, names?: readonly string[]): ReportData["markers"] {
  const n = Math.min(t.entryTs.length, MAX_MARKERS);
  const pick = (f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
  const reason = t.exitReason;
  return {
    entryTs: pick((i) => t.entryTs[i]!),
    entryPrice: pick((i) => r7(t.entryPrice[i]!)),
    exitTs: pick((i) => t.exitTs[i]!),
    exitPrice: pick((i) => r7(t.exitPrice[i]!)),
    side: pick((i) => (t.direction[i]! > 0 ? 1 : -1)),
    ...(reason && names
      ? { reason: Array.from({ length: n }, (_, i) => names[reason[i]!] ?? String(reason[i])) }
      : {}),
  };
}

/** The shifted ATR columns of the exits' `{atr, mult}` distances, found among the run's features. */
function atrColumns(
  exits: ResolvedExits,
  features: readonly FeatureColumn[] | undefined,
): AtrColumns | undefined {
  const periods = exitAtrPeriods(exits);
  if (periods.length === 0) return undefined;
  const out = new Map<number, Float64Array>();
  for (const p of periods) {
    const col = features?.find((f) => f.indicator === "atr" && f.params.period === p);
    if (col === undefined) return undefined;
    out.set(p, col.shifted);
  }
  return out;
}

/** The trades' levels, when the run's exits set any; undefined without them or without their ATR columns. */
function levelsOf(a: ReportInputs, exits: ResolvedExits | undefined): TradeLevels | undefined {
  if (exits === undefined) return undefined;
  if (exits.stop_loss === undefined && exits.take_profit === undefined && exits.trailing_stop === undefined)
    return undefined;
  const atr = atrColumns(exits, a.features);
  if (exitAtrPeriods(exits).length > 0 && atr === undefined) return undefined;
  return tradeLevels(a.candles, a.fills, a.trades, exits, atr, {
    maxTrips: MAX_MARKERS,
    maxSteps: MAX_LEVEL_STEPS,
    round: r7,
  });
}

const optional = <K extends string, V>(key: K, v: V | undefined) =>
  (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

export function buildReportData(a: ReportInputs): ReportData {
  const summary = (a.summary ?? {}) as { config?: { initial_cash?: number; timeframe?: string } };
  const metrics = a.metrics as Record<string, unknown>;
  const { candles, ts } = a;
  const n = ts.length;
  const barMs = n > 1 ? (ts[n - 1]! - ts[0]!) / (n - 1) : null;
  const tfMs = TIMEFRAME_MS[summary.config?.timeframe as Timeframe] ?? barMs;
  const open0 = candles.open[0] ?? Number.NaN;
  const initial = summary.config?.initial_cash ?? a.equity[0] ?? 1;
  const buyHold = new Float64Array(n);
  for (let i = 0; i < n; i++) buyHold[i] = (initial * candles.close[i]!) / open0;
  return {
    title: a.title,
    subtitle: a.subtitle,
    barMs: tfMs,
    bars: n,
    metrics: formatMetrics(metrics, tfMs ?? undefined),
    metricsRaw: a.metrics,
    warnings: runWarnings(a.summary, metrics, a.validation),
    summary: a.summary,
    validation: a.validation ?? null,
    series: {
      equity: line(ts, a.equity),
      buyHold: line(ts, buyHold),
      drawdown: line(ts, a.drawdown),
      close: line(ts, candles.close),
    },
    candles: candleLevels(candles),
    trades: {
      total: a.trades.entryTs.length,
      // Without an exits block every trip closes on the signal; the column would say nothing.
      columns: tradeColumns(a.trades, metrics.exits_by_reason === undefined ? undefined : a.exitReasonNames),
    },
    markers: {
      ...markersOf(a.trades, a.exitReasonNames),
      ...optional("levels", levelsOf(a, (summary.config as { exits?: ResolvedExits } | undefined)?.exits)),
    },
    periods: periodReturns(ts, a.equity, initial),
  };
}
