/**
 * @module validation/overfitting/probability-of-backtest-overfitting
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (CSCV): how often the
 * configuration that looks best in-sample ends up in the bottom half out-of-sample. It judges the selection
 * procedure (grid search), not one strategy, and needs nothing but the trials' return series.
 *
 * Input: one Float64Array per trial (columns of the T x N matrix), all over the same bars. Steps:
 * 1. Drop the first T mod S rows; cut the rest, in time order, into S blocks of T/S rows.
 * 2. For each of the C(S, S/2) choices of S/2 blocks (lexicographic): IS = the chosen blocks, OOS = the others,
 *    each concatenated in time order; R, R̄ = the metric of every trial on IS and OOS.
 * 3. n* = argmax R (ties: first trial); ω = rank of R̄[n*] among R̄ / (N + 1), ranks 1..N ascending with ties
 *    averaged; λ = ln(ω / (1 - ω)). Ties are equal up to rounding (at-least-as-good.ts).
 * 4. PBO = #{λ <= 0} / C (a winner exactly at the OOS median counts as overfit); probOosLoss = #{R̄[n*] < 0} / C;
 *    performance degradation = OLS of R̄[n*] on R[n*] across the splits.
 * Metric values that are NaN rank below every number. "sharpe" (mean / sample stdev of the rows) and "mean" come
 * from per-block sums in O(C·S·N); a custom function is called on concatenated copies, O(C·N·T).
 * @see Bailey, Borwein, López de Prado & Zhu (2017), "The Probability of Backtest Overfitting", J. Computational
 * Finance 20(4); esvhd/pypbo `pbo.py` (the reference implementation whose conventions this follows).
 */
import { StudioError } from "../../core/errors.js";
import { atLeastAsGood, tieTolerance } from "../at-least-as-good.js";
import { binomial, combinationRank, forEachCombination } from "./combinations.js";
import {
  type BlockLayout,
  BlockMetric,
  type BlockSums,
  blockSums,
  mergeBlockSums,
  type TrialBlockSums,
} from "./cscv-blocks.js";

export type PboMetric = "sharpe" | "mean" | ((returns: Float64Array) => number);

export interface PboOptions {
  /** S, the number of blocks: even, >= 2 (8 or 16 in practice). */
  readonly partitions: number;
  /** Default "sharpe". */
  readonly metric?: PboMetric;
}

export interface PboResult {
  readonly pbo: number;
  readonly probOosLoss: number;
  /** λ of every split, in combination order. */
  readonly logits: Float64Array;
  readonly combinations: number;
  /** R[n*] and R̄[n*] of every split. */
  readonly isPerformance: Float64Array;
  readonly oosPerformance: Float64Array;
  /** OLS fit R̄[n*] = intercept + slope·R[n*]; null when R[n*] does not vary or is not finite. */
  readonly performanceDegradation: { slope: number; intercept: number } | null;
  readonly rowsUsed: number;
  readonly rowsDropped: number;
}

export function probabilityOfBacktestOverfitting(
  columns: readonly Float64Array[],
  options: PboOptions,
): PboResult {
  const s = options.partitions;
  const metric = options.metric ?? "sharpe";
  if (!Number.isInteger(s) || s < 2 || s % 2 !== 0) {
    throw new StudioError("CONFIG_INVALID", `PBO: partitions must be an even integer >= 2, got ${s}`);
  }
  const n = columns.length;
  if (n < 2) throw new StudioError("INSUFFICIENT_DATA", `PBO needs >= 2 trials, got ${n}`);
  const t = columns[0]!.length;
  if (columns.some((c) => c.length !== t))
    throw new StudioError("CONFIG_INVALID", "PBO: trials differ in length");
  const dropped = t % s;
  const rows = (t - dropped) / s;
  if (rows < 1) throw new StudioError("INSUFFICIENT_DATA", `PBO: ${t} rows cannot fill ${s} blocks`);

  const layout: BlockLayout = { columns, trials: n, blocks: s, rowsPerBlock: rows, firstRow: dropped };
  const sums = typeof metric === "string" ? blockSums(layout) : undefined;
  return pboFromParts([cscvPart(layout, metric, sums, 0, 1)], { partitions: s, rows: t });
}

/** Where CSCV cuts T rows into S blocks: the first T mod S rows are dropped. */
export function cscvLayout(
  t: number,
  partitions: number,
): { blocks: number; rowsPerBlock: number; firstRow: number } {
  const dropped = t % partitions;
  return { blocks: partitions, rowsPerBlock: (t - dropped) / partitions, firstRow: dropped };
}

/**
 * The same statistic from each trial's block sums (trialBlockSums over `cscvLayout(t, partitions)`), for callers
 * that never hold the whole T x N matrix at once (a sweep of many trials over long series).
 */
export function probabilityOfBacktestOverfittingFromSums(
  trials: readonly TrialBlockSums[],
  options: PboFromSumsOptions,
): PboResult {
  if (trials.length < 2)
    throw new StudioError("INSUFFICIENT_DATA", `PBO needs >= 2 trials, got ${trials.length}`);
  const sums = mergeBlockSums(trials, options.partitions);
  return pboFromParts([pboPartFromSums(sums, options, 0, 1)], options);
}

export interface PboFromSumsOptions {
  readonly partitions: number;
  readonly metric: "sharpe" | "mean";
  /** T, the rows of every trial's returns. */
  readonly rows: number;
}

/**
 * One of `parts` shares of the CSCV splits from the trials' merged block sums (mergeBlockSums), so the splits can
 * be spread over threads; pboFromParts puts the parts together into the same bits as one part would give.
 */
export function pboPartFromSums(
  sums: BlockSums,
  options: PboFromSumsOptions,
  part: number,
  parts: number,
): PboPart {
  const s = options.partitions;
  const n = sums.shift.length;
  if (n < 2) throw new StudioError("INSUFFICIENT_DATA", `PBO needs >= 2 trials, got ${n}`);
  const shape = cscvLayout(options.rows, s);
  if (shape.rowsPerBlock < 1)
    throw new StudioError("INSUFFICIENT_DATA", `PBO: ${options.rows} rows cannot fill ${s} blocks`);
  const layout: BlockLayout = { columns: [], trials: n, ...shape };
  return cscvPart(layout, options.metric, sums, part, parts);
}

/** Some of CSCV's splits: their indices in combination order, their λ, R[n*] and R̄[n*], and their counts. */
export interface PboPart {
  readonly splits: Int32Array;
  readonly logits: Float64Array;
  readonly isPerformance: Float64Array;
  readonly oosPerformance: Float64Array;
  /** Splits with λ <= 0, and with R̄[n*] < 0. */
  readonly overfit: number;
  readonly losses: number;
}

/** The statistic from parts that together hold every split once. */
export function pboFromParts(
  parts: readonly PboPart[],
  options: { partitions: number; rows: number },
): PboResult {
  const combos = binomial(options.partitions, options.partitions / 2);
  const logits = new Float64Array(combos);
  const isPerf = new Float64Array(combos);
  const oosPerf = new Float64Array(combos);
  let overfit = 0;
  let losses = 0;
  let count = 0;
  for (const p of parts) {
    for (let k = 0; k < p.splits.length; k++) {
      const c = p.splits[k]!;
      logits[c] = p.logits[k]!;
      isPerf[c] = p.isPerformance[k]!;
      oosPerf[c] = p.oosPerformance[k]!;
    }
    overfit += p.overfit;
    losses += p.losses;
    count += p.splits.length;
  }
  if (count !== combos) throw new StudioError("INTERNAL", `PBO: parts hold ${count} of ${combos} splits`);
  const dropped = options.rows % options.partitions;
  return {
    pbo: overfit / combos,
    probOosLoss: losses / combos,
    logits,
    combinations: combos,
    isPerformance: isPerf,
    oosPerformance: oosPerf,
    performanceDegradation: olsFit(isPerf, oosPerf),
    rowsUsed: options.rows - dropped,
    rowsDropped: dropped,
  };
}

/**
 * Splits of part `part` of `parts`: a split's OOS blocks are another split's IS blocks and the other way round,
 * so each pair of metric vectors is computed once and serves both (S is even, so a set is never its own
 * complement); the pairs, in combination order of their first split, are cut into `parts` even runs.
 */
function cscvPart(
  layout: BlockLayout,
  metric: PboMetric,
  sums: BlockSums | undefined,
  part: number,
  parts: number,
): PboPart {
  const s = layout.blocks;
  const n = layout.trials;
  const half = s / 2;
  const pairs = binomial(s, half) / 2;
  const first = Math.floor((part * pairs) / parts);
  const last = Math.floor(((part + 1) * pairs) / parts);
  const size = 2 * (last - first);
  const isSet = new Int32Array(half);
  const oosSet = new Int32Array(half);
  const r = new Float64Array(n);
  const rBar = new Float64Array(n);
  const scratch = new Float64Array(typeof metric === "function" ? half * layout.rowsPerBlock : 0);
  // One evaluator per side: consecutive sets on each side share their first blocks.
  const isMetric = new BlockMetric(layout, metric, sums, scratch, half);
  const oosMetric = new BlockMetric(layout, metric, sums, scratch, half);
  const splits = new Int32Array(size);
  const logits = new Float64Array(size);
  const isPerf = new Float64Array(size);
  const oosPerf = new Float64Array(size);
  let filled = 0;
  let overfit = 0;
  let losses = 0;

  const split = (c: number, is: Float64Array, oos: Float64Array) => {
    // strictlyBetter / atLeastAsGood with the reference's bounds hoisted out of the loops (the same comparisons).
    let best = 0;
    let above = is[0]! + tieTolerance(is[0]!);
    for (let i = 1; i < n; i++) {
      if (is[i]! > above) {
        best = i;
        above = is[i]! + tieTolerance(is[i]!);
      }
    }
    const v = oos[best]!;
    const low = v - tieTolerance(v);
    const high = v + tieTolerance(v);
    let less = 0;
    let equal = 0;
    for (let i = 0; i < n; i++) {
      const x = oos[i]!;
      if (!(x >= low)) less++;
      else if (!(x > high)) equal++;
    }
    const omega = (less + (equal + 1) / 2) / (n + 1);
    const lambda = Math.log(omega / (1 - omega));
    splits[filled] = c;
    logits[filled] = lambda;
    isPerf[filled] = is[best]!;
    oosPerf[filled] = v;
    filled++;
    if (lambda <= 0) overfit++;
    if (!atLeastAsGood(v, 0)) losses++;
  };

  let pair = 0;
  forEachCombination(s, half, (chosen, c) => {
    if (pair >= last) return;
    for (let b = 0, k = 0, j = 0; b < s; b++) {
      if (k < half && chosen[k] === b) k++;
      else oosSet[j++] = b;
    }
    const mirror = combinationRank(oosSet, s);
    if (mirror < c) return;
    if (pair++ < first) return;
    isSet.set(chosen);
    isMetric.into(isSet, r);
    oosMetric.into(oosSet, rBar);
    split(c, r, rBar);
    split(mirror, rBar, r);
  });
  return { splits, logits, isPerformance: isPerf, oosPerformance: oosPerf, overfit, losses };
}

function olsFit(x: Float64Array, y: Float64Array): { slope: number; intercept: number } | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  return sxx > 0 && Number.isFinite(slope) && Number.isFinite(intercept) ? { slope, intercept } : null;
}
