/**
 * @module validation/cscv-blocks
 * Per-block bookkeeping of CSCV: the metric of every trial over a set of blocks. For "mean" and "sharpe" it adds
 * precomputed per-block sums instead of touching the rows again, which makes 12,870 splits of a long series cheap.
 * Sums are taken of x - c with c the trial's mean over the used rows, so the variance formula does not cancel
 * catastrophically. NaN metric values are stored as -Infinity so they rank below every number.
 */
import type { PboMetric } from "./probability-of-backtest-overfitting.js";

export interface BlockLayout {
  /** The trials' return columns; empty when only their block sums are known (then the metric is not custom). */
  readonly columns: readonly Float64Array[];
  /** N, the number of trials. */
  readonly trials: number;
  readonly blocks: number;
  readonly rowsPerBlock: number;
  /** Rows before this are dropped (T mod S of them). */
  readonly firstRow: number;
}

export interface BlockSums {
  /** Shift c of each trial. */
  readonly shift: Float64Array;
  /** Σ(x - c) and Σ(x - c)² per [block * N + trial]. */
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

export function blockSums(layout: BlockLayout): BlockSums {
  const { columns, blocks } = layout;
  const n = columns.length;
  const shift = new Float64Array(n);
  const sum = new Float64Array(blocks * n);
  const sumSq = new Float64Array(blocks * n);
  for (let j = 0; j < n; j++) {
    const one = trialBlockSums(columns[j]!, layout);
    shift[j] = one.shift;
    for (let b = 0; b < blocks; b++) {
      sum[b * n + j] = one.sum[b]!;
      sumSq[b * n + j] = one.sumSq[b]!;
    }
  }
  return { shift, sum, sumSq };
}

/** One trial's block sums: what CSCV needs of its return column, computable wherever the column is. */
export interface TrialBlockSums {
  readonly shift: number;
  /** Σ(x - c) and Σ(x - c)² per block. */
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

export function trialBlockSums(
  col: Float64Array,
  layout: Pick<BlockLayout, "blocks" | "rowsPerBlock" | "firstRow">,
): TrialBlockSums {
  const { blocks, rowsPerBlock, firstRow } = layout;
  const used = blocks * rowsPerBlock;
  let total = 0;
  for (let t = firstRow; t < firstRow + used; t++) total += col[t]!;
  const c = total / used;
  const sum = new Float64Array(blocks);
  const sumSq = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let s1 = 0;
    let s2 = 0;
    const from = firstRow + b * rowsPerBlock;
    for (let t = from; t < from + rowsPerBlock; t++) {
      const d = col[t]! - c;
      s1 += d;
      s2 += d * d;
    }
    sum[b] = s1;
    sumSq[b] = s2;
  }
  return { shift: c, sum, sumSq };
}

/** Interleaves per-trial block sums ([block * N + trial]) as blockMetric reads them. */
export function mergeBlockSums(trials: readonly TrialBlockSums[], blocks: number): BlockSums {
  const n = trials.length;
  const shift = new Float64Array(n);
  const sum = new Float64Array(blocks * n);
  const sumSq = new Float64Array(blocks * n);
  for (let j = 0; j < n; j++) {
    const one = trials[j]!;
    shift[j] = one.shift;
    for (let b = 0; b < blocks; b++) {
      sum[b * n + j] = one.sum[b]!;
      sumSq[b * n + j] = one.sumSq[b]!;
    }
  }
  return { shift, sum, sumSq };
}

/**
 * Writes the metric of every trial over `blockSet` (ascending block indices) into `out`. A custom metric reads
 * the rows from `scratch` (length >= rows of the set), which is overwritten for the next trial.
 */
export function blockMetric(
  layout: BlockLayout,
  metric: PboMetric,
  sums: BlockSums | undefined,
  blockSet: Int32Array,
  out: Float64Array,
  scratch: Float64Array,
): void {
  const n = layout.trials;
  const m = blockSet.length * layout.rowsPerBlock;
  for (let j = 0; j < n; j++) {
    let v: number;
    if (typeof metric === "function" || !sums) {
      v = (metric as (r: Float64Array) => number)(concatBlocks(layout, j, blockSet, scratch.subarray(0, m)));
    } else {
      let s1 = 0;
      let s2 = 0;
      for (let k = 0; k < blockSet.length; k++) {
        s1 += sums.sum[blockSet[k]! * n + j]!;
        s2 += sums.sumSq[blockSet[k]! * n + j]!;
      }
      const mu = sums.shift[j]! + s1 / m;
      v = metric === "mean" ? mu : sharpeFromSums(mu, s1, s2, m);
    }
    out[j] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  }
}

/**
 * mean / sample stdev. A variance that is zero up to rounding (sd <= 1e-12·|mean|) means a flat trial: 0 when
 * its mean is 0, ±Infinity by the sign of its mean otherwise, instead of a rounding-noise ratio.
 */
function sharpeFromSums(mu: number, s1: number, s2: number, m: number): number {
  if (m < 2) return Number.NaN;
  const variance = Math.max(0, (s2 - (s1 * s1) / m) / (m - 1));
  if (variance <= 1e-24 * mu * mu)
    return mu === 0 ? 0 : mu > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return mu / Math.sqrt(variance);
}

/** The trial's rows of the given blocks, concatenated in time order into `out`. */
function concatBlocks(
  layout: BlockLayout,
  trial: number,
  blockSet: Int32Array,
  out: Float64Array,
): Float64Array {
  const col = layout.columns[trial]!;
  let k = 0;
  for (let i = 0; i < blockSet.length; i++) {
    const from = layout.firstRow + blockSet[i]! * layout.rowsPerBlock;
    out.set(col.subarray(from, from + layout.rowsPerBlock), k);
    k += layout.rowsPerBlock;
  }
  return out;
}
