/**
 * @module validation/resampling/permute-bars
 * Masters' OHLC bar permutation, the null model of the permutation test: the order of price changes is shuffled,
 * which destroys any structure a strategy could exploit, while every bar stays a valid bar and the series keeps
 * its start, its end, its volatility and its distribution of moves.
 *
 * For bars i > s (s = startIndex, the last bar kept real) the series is split into inter-bar gaps O_i / C_{i-1}
 * and intrabar moves (H_i, L_i, C_i) / O_i. One uniform permutation π1 reorders the intrabar triples (volume and
 * vwap / open travel with them: they belong to the bar's body) and an independent π2 reorders the gaps; the series
 * is rebuilt forward from C_s. Working with ratios is Masters' log-difference method exponentiated: the same
 * numbers, no exp/log per bar, and low <= min(open, close) <= max(open, close) <= high holds exactly because
 * multiplying by the same positive open preserves order. Timestamps and gap flags are unchanged.
 * @see Masters, "Permutation and Randomization Tests for Trading System Development" (2020); the reference
 * implementation neurotrader888/mcpt `bar_permute.py`.
 */
import { allocCandles, type Candles } from "../../core/candles.js";
import { StudioError } from "../../core/errors.js";
import type { Rng } from "../../core/rng.js";
import { shuffleIdentity } from "./uniform.js";

/** The gaps and intrabar moves of bars startIndex+1.., computed once and permuted many times. */
export interface PermutationBase {
  readonly startIndex: number;
  /** Number of permuted bars: length - startIndex - 1. */
  readonly count: number;
  readonly gap: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly vwap: Float64Array | undefined;
}

/** Index buffers reused by every permutation of one base. */
export interface PermutationWork {
  readonly intrabar: Int32Array;
  readonly gaps: Int32Array;
}

export function preparePermutation(candles: Candles, startIndex: number): PermutationBase {
  const n = candles.close.length;
  if (!Number.isInteger(startIndex) || startIndex < 0 || startIndex >= n) {
    throw new StudioError(
      "INSUFFICIENT_DATA",
      `permutation: start index ${startIndex} is outside 0..${n - 1}`,
    );
  }
  const m = n - startIndex - 1;
  const base = {
    startIndex,
    count: m,
    gap: new Float64Array(m),
    high: new Float64Array(m),
    low: new Float64Array(m),
    close: new Float64Array(m),
    volume: new Float64Array(m),
    vwap: candles.vwap ? new Float64Array(m) : undefined,
  };
  const { open, high, low, close, volume, vwap } = candles;
  for (let k = 0; k < m; k++) {
    const i = startIndex + 1 + k;
    const o = open[i]!;
    base.gap[k] = o / close[i - 1]!;
    base.high[k] = high[i]! / o;
    base.low[k] = low[i]! / o;
    base.close[k] = close[i]! / o;
    base.volume[k] = volume[i]!;
    if (base.vwap && vwap) base.vwap[k] = vwap[i]! / o;
  }
  return base;
}

export function createPermutationWork(base: PermutationBase): PermutationWork {
  return { intrabar: new Int32Array(base.count), gaps: new Int32Array(base.count) };
}

/**
 * Writes one permutation into bars startIndex+1.. of `out`. `out` must already hold the real bars 0..startIndex
 * and the timestamps (a copy of the candles), which never change. Draws π1 (intrabar) first, then π2 (gaps).
 */
export function permuteInto(base: PermutationBase, rng: Rng, out: Candles, work: PermutationWork): void {
  const { intrabar, gaps } = work;
  shuffleIdentity(rng, intrabar);
  shuffleIdentity(rng, gaps);
  const { open, high, low, close, volume, vwap } = out;
  const bv = base.vwap;
  let prevClose = close[base.startIndex]!;
  for (let k = 0, i = base.startIndex + 1; k < base.count; k++, i++) {
    const a = intrabar[k]!;
    const o = prevClose * base.gap[gaps[k]!]!;
    open[i] = o;
    high[i] = o * base.high[a]!;
    low[i] = o * base.low[a]!;
    prevClose = o * base.close[a]!;
    close[i] = prevClose;
    volume[i] = base.volume[a]!;
    if (bv && vwap) vwap[i] = o * bv[a]!;
  }
}

/** A fresh full copy of the candles' columns, the starting point of `permuteInto`. */
export function copyCandles(candles: Candles): Candles {
  const out = allocCandles(candles.ts.length, candles.vwap !== undefined);
  out.ts.set(candles.ts);
  out.open.set(candles.open);
  out.high.set(candles.high);
  out.low.set(candles.low);
  out.close.set(candles.close);
  out.volume.set(candles.volume);
  if (candles.vwap && out.vwap) out.vwap.set(candles.vwap);
  if (candles.gapFlag) out.gapFlag.set(candles.gapFlag);
  return out;
}

/** A permuted copy of the candles: bars 0..startIndex kept real, the rest permuted as described above. */
export function permuteBars(candles: Candles, rng: Rng, startIndex: number): Candles {
  const base = preparePermutation(candles, startIndex);
  const out = copyCandles(candles);
  permuteInto(base, rng, out, createPermutationWork(base));
  return out;
}
