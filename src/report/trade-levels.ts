/**
 * @module report/trade-levels
 * The stop and target levels of each trade, for the report's price chart, replayed with the engine's own exit
 * model (one implementation of the level rules): each trip's levels are fixed from its opening fill's price
 * and the shifted ATR at its entry bar, exactly as the bar loop fixed them, then the model is walked through the
 * bars the trip survived so the trailing level follows the highs (lows for a short) as it did in the run. The
 * stop comes out as steps (a fixed stop is one step, a trailing one a staircase) and the target as one level a
 * trip. Nothing new is recorded by the engine, so results are untouched.
 */
import type { Candles } from "../core/candles.js";
import type { Fills, RoundTrips } from "../core/results.js";
import { type AtrColumns, ExitModel, type ResolvedExits } from "../engine/simulation/exit-model.js";

export interface TradeLevels {
  /** Trip k's stop steps are ts/stop[from[k] .. from[k+1]): the level stop[j] holds from ts[j] to the next
   * step, the last one to the trip's exit. A trip without a (finite) stop has none. */
  readonly from: number[];
  readonly ts: number[];
  readonly stop: number[];
  /** Per trip, its take-profit level, or null without one. */
  readonly target: (number | null)[];
  /** Stop steps the run had, and true when some were dropped to stay within the report's budget. */
  readonly steps: number;
  readonly thinned: boolean;
}

/** The price of each trip's opening fill: the fill that takes the position from flat (as deriveRoundTrips). */
export function entryFillPrices(fills: Pick<Fills, "side" | "qty" | "price">, trips: number): Float64Array {
  const out = new Float64Array(trips);
  let pos = 0;
  let k = 0;
  for (let i = 0; i < fills.side.length && k < trips; i++) {
    if (pos === 0) out[k++] = fills.price[i]!;
    // The same additions as the book's, so a closing fill lands on an exact 0.
    pos += fills.side[i]! * fills.qty[i]!;
  }
  return out;
}

const sameOrNull = (v: number, round: (x: number) => number): number | null =>
  Number.isFinite(v) ? round(v) : null;

/**
 * Levels of the first `maxTrips` trips; when their stop steps exceed `maxSteps`, every trip keeps one step in
 * `stride` (always its first), so a long's drawn trailing stop lags the real one rather than leads it.
 */
export function tradeLevels(
  candles: Candles,
  fills: Pick<Fills, "side" | "qty" | "price">,
  trips: RoundTrips,
  exits: ResolvedExits,
  atr: AtrColumns | undefined,
  options: { maxTrips: number; maxSteps: number; round: (x: number) => number },
): TradeLevels {
  const n = Math.min(trips.entryTs.length, options.maxTrips);
  const entry = entryFillPrices(fills, n);
  const { ts, open, high, low } = candles;
  const model = new ExitModel(exits, atr, 0);
  const stepFrom: number[] = [0];
  const stepBar: number[] = [];
  const stepLevel: number[] = [];
  const target: (number | null)[] = [];
  for (let k = 0; k < n; k++) {
    const e = trips.entryBar[k]!;
    const x = trips.exitBar[k]!;
    model.enter(trips.direction[k]!, entry[k]!, e);
    target.push(sameOrNull(model.targetNow, options.round));
    let last = Number.NaN;
    for (let u = e; u <= x; u++) {
      const level = model.stopNow;
      if (level !== last && Number.isFinite(level)) {
        stepBar.push(u);
        stepLevel.push(level);
      }
      last = level;
      // The exit bar's level is the one that fired (or the trip closed at its open on a signal).
      if (u === x || model.bar(u, open[u]!, high[u]!, low[u]!) !== 0) break;
    }
    model.exit();
    stepFrom.push(stepBar.length);
  }
  const steps = stepBar.length;
  const stride = Math.max(1, Math.ceil(steps / options.maxSteps));
  const from: number[] = [0];
  const outTs: number[] = [];
  const stop: number[] = [];
  for (let k = 0; k < n; k++) {
    for (let j = stepFrom[k]!; j < stepFrom[k + 1]!; j += stride) {
      outTs.push(ts[stepBar[j]!]!);
      stop.push(options.round(stepLevel[j]!));
    }
    from.push(outTs.length);
  }
  return { from, ts: outTs, stop, target, steps, thinned: stride > 1 };
}
