/**
 * @module engine/simulation/simulate
 * The engine's entry point: targets + sizing + costs -> fills, positions, cash, equity, drawdown and round trips. For each
 * bar t, in this order (docs/engine.md has the full rules):
 * 1. before `startIndex` the book stays flat and untouched;
 * 2. at the open, if target[t] (NaN = 0) differs from the target last acted on, rebalance at open[t] plus
 *    slippage (close, reverse, enter or re-size); the new target counts as acted on even if an entry was skipped;
 * 3. with `exits`, a position with live levels exits at open[t] on a gap through its stop or target or when its
 *    time is up, else inside the bar when low/high touch a level (see exit-model); no re-entry until the target
 *    changes;
 * 4. a short position accrues borrow for the bar's duration on its market value at the close;
 * 5. the book is marked at the close: equity[t] = cash[t] + position[t] x close[t], and drawdown from the peak.
 * Steps 2-3 read only bar t's own prices and state built from bars < t, so nothing after bar t can change bar t's
 * outputs (borrow reads ts[t+1], the end of bar t, which is the calendar, not price data).
 */
import type { Candles } from "../../core/candles.js";
import { assertCandleShape } from "../../core/candles.js";
import { type ColumnWorkspace, float64Column } from "../../core/column-workspace.js";
import { StudioError } from "../../core/errors.js";
import type { Fills, PortfolioBars, RoundTrips } from "../../core/results.js";
import type { ExecutionConfig } from "../../core/run-config.js";
import { borrowRatePerMs } from "../../execution/borrow.js";
import type { RiskDef } from "../../risk/types.js";
import { defineLazy } from "../define-lazy.js";
import { LoopOutcome, runBars } from "./bar-loop.js";
import { Book } from "./book.js";
import { drawdownColumn, exposedBars } from "./derived-columns.js";
import { type AtrColumns, ExitModel, type ResolvedExits } from "./exit-model.js";
import { FillLog } from "./fill-log.js";
import { portfolioBars } from "./portfolio-bars.js";
import { deriveRoundTrips } from "./round-trips.js";
import { Sizer } from "./sizer.js";

export interface SimulateOptions {
  readonly initialCash: number;
  readonly execution: ExecutionConfig;
  /** A resolved sizing model (see resolveRisk): the def and its parsed params. */
  readonly risk: { readonly def: RiskDef; readonly params: unknown };
  /** The timeframe's interval: the duration of the last bar for borrow accrual. */
  readonly intervalMs: number;
  /** First bar that may trade; earlier bars stay flat at initial cash (walk-forward out-of-sample segments). */
  readonly startIndex?: number;
  /** Stop-loss, take-profit, trailing and time exits; absent = none. */
  readonly exits?: ResolvedExits | undefined;
  /** Shifted ATR columns by period, for exits measured in ATR (see exitAtrPeriods). */
  readonly atr?: AtrColumns | undefined;
  /** Pooled buffers for the equity column, the fill log and the round trips (see core/column-workspace): the
   * result is then valid until the workspace's next reset. Columns derived on first access allocate fresh. */
  readonly workspace?: ColumnWorkspace | undefined;
}

export interface SimulationResult {
  readonly fills: Fills;
  /** Per bar, marked at the close; `portfolio.equity` is the equity curve. Only equity is written by the loop;
   * the other columns (position included) are derived from the fills on first access. */
  readonly portfolio: PortfolioBars;
  /** equity[t] / max(equity[0..t]) - 1, always <= 0; computed on first access. */
  readonly drawdown: Float64Array;
  /** Closed round trips; a position open at the end is not one. */
  readonly trades: RoundTrips;
  readonly warnings: string[];
  /** Entries whose quantity rounded to 0 and were not traded. */
  readonly skippedEntries: number;
  /** Bars whose position after the bar's fills is non-zero (what exposure_pct counts), from the fills. */
  readonly exposedBars: number;
}

/** Runs the bar loop. `target` has one entry per candle: +1 long, -1 short, 0 or NaN flat, or fractions. */
export function simulate(candles: Candles, target: Float64Array, options: SimulateOptions): SimulationResult {
  const n = candles.ts.length;
  const start = options.startIndex ?? 0;
  checkInputs(candles, target, options, start);
  const execution = options.execution;
  const slippageBps = execution.slippage_bps;
  const borrowRate = borrowRatePerMs(execution.borrow_bps);

  const workspace = options.workspace;
  const log = new FillLog(workspace);
  const book = new Book(options.initialCash, execution, log);
  const sizer = new Sizer(options.risk.def, options.risk.params, execution);
  // Every bar's equity is written by the loop, so a pooled column's stale contents never show.
  const cols = { equity: float64Column(n, workspace) };
  const settings = { startIndex: start, intervalMs: options.intervalMs, slippageBps, borrowRate };
  const outcome = new LoopOutcome();
  runBars(candles, target, settings, book, sizer, cols, outcome, exitModel(options, slippageBps));

  const fills = log.fills();
  const state = log.bookState();
  const portfolio = portfolioBars({
    candles,
    equity: cols.equity,
    fills,
    state,
    initialCash: options.initialCash,
    borrowRate,
    intervalMs: options.intervalMs,
  });
  const result = {
    fills,
    portfolio,
    trades: deriveRoundTrips(fills, state.equityBefore, workspace),
    warnings: warningsFor(outcome.skipped, execution.lot_size, outcome.bustBar),
    skippedEntries: outcome.skipped,
    exposedBars: exposedBars(n, fills, state),
  };
  return defineLazy(result, { drawdown: () => drawdownColumn(cols.equity) });
}

/** The exit model of the run, or null when no level or time exit is configured. */
function exitModel(options: SimulateOptions, slippageBps: number): ExitModel | null {
  const e = options.exits;
  if (e === undefined) return null;
  const any = [e.stop_loss, e.take_profit, e.trailing_stop, e.max_bars].some((x) => x !== undefined);
  return any ? new ExitModel(e, options.atr, slippageBps) : null;
}

function warningsFor(skipped: number, lotSize: number, bustBar: number): string[] {
  const out: string[] = [];
  if (skipped > 0) {
    const what = skipped === 1 ? "1 entry skipped" : `${skipped} entries skipped`;
    out.push(
      lotSize > 0
        ? `${what}: quantity rounded to 0 at lot_size ${lotSize}`
        : `${what}: sized quantity was 0 (equity not positive)`,
    );
  }
  if (bustBar >= 0) out.push(`equity fell to or below 0 at bar ${bustBar}`);
  return out;
}

function checkInputs(candles: Candles, target: Float64Array, options: SimulateOptions, start: number): void {
  assertCandleShape(candles);
  const n = candles.ts.length;
  const fail = (what: string): never => {
    throw new StudioError("INTERNAL", `simulate: ${what}`);
  };
  if (target.length !== n) fail(`target has ${target.length} rows, candles have ${n}`);
  if (!Number.isInteger(start) || start < 0 || start > n) fail(`startIndex ${start} is outside 0..${n}`);
  if (!(options.initialCash > 0) || !Number.isFinite(options.initialCash)) {
    fail(`initialCash must be positive and finite, got ${options.initialCash}`);
  }
  if (!(options.intervalMs > 0)) fail(`intervalMs must be positive, got ${options.intervalMs}`);
}
