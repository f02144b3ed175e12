/**
 * @module validation/cscv-blocks
 * Per-block bookkeeping of CSCV: the metric of every trial over a set of blocks. For "mean" and "sharpe" it adds
 * precomputed per-block sums instead of touching the rows again, which makes 12,870 splits of a long series cheap.
 * Sums are taken of x - c with c the trial's mean over the used rows, so the variance formula does not cancel
 * catastrophically. NaN metric values are stored as -Infinity so they rank below every number.
 */
import type { PboMetric } from "./probability-of-backtest-overfitting.js";

export interface BlockLayout {
  readonly columns: readonly Float64Array[];
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
  const { columns, blocks, rowsPerBlock, firstRow } = layout;
  const n = columns.length;
  const shift = new Float64Array(n);
  const sum = new Float64Array(blocks * n);
  const sumSq = new Float64Array(blocks * n);
  const used = blocks * rowsPerBlock;
  for (let j = 0; j < n; j++) {
    const col = columns[j]!;
    let total = 0;
    for (let t = firstRow; t < firstRow + used; t++) total += col[t]!;
    const c = total / used;
    shift[j] = c;
    for (let b = 0; b < blocks; b++) {
      let s1 = 0;
      let s2 = 0;
      const from = firstRow + b * rowsPerBlock;
      for (let t = from; t < from + rowsPerBlock; t++) {
        const d = col[t]! - c;
        s1 += d;
        s2 += d * d;
      }
      sum[b * n + j] = s1;
      sumSq[b * n + j] = s2;
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
  const n = layout.columns.length;
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
