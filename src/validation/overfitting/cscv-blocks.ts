/**
 * @module validation/overfitting/cscv-blocks
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
 * Writes the metric of every trial over a block set (ascending block indices) into an output array, one set after
 * another. From block sums, the running sums over the set's first d blocks are kept per depth, so a set that
 * shares its first blocks with the previous one (CSCV's lexicographic splits share all but ~2 on average) adds
 * only the blocks after the shared prefix: the same additions in the same order as summing the whole set, hence
 * the same bits. A custom metric reads the rows from `scratch` (length >= rows of the set), overwritten per trial.
 */
export class BlockMetric {
  private readonly prefix1: Float64Array[];
  private readonly prefix2: Float64Array[];
  /** Block of each depth the prefixes hold; -1 where nothing is held. */
  private readonly held: Int32Array;

  constructor(
    private readonly layout: BlockLayout,
    private readonly metric: PboMetric,
    private readonly sums: BlockSums | undefined,
    private readonly scratch: Float64Array,
    maxBlocks: number,
  ) {
    const n = typeof metric === "function" || !sums ? 0 : layout.trials;
    const twoSums = metric !== "mean";
    this.prefix1 = Array.from({ length: maxBlocks + 1 }, () => new Float64Array(n));
    this.prefix2 = Array.from({ length: maxBlocks + 1 }, () => new Float64Array(twoSums ? n : 0));
    this.held = new Int32Array(maxBlocks).fill(-1);
  }

  into(blockSet: Int32Array, out: Float64Array): void {
    const { layout, metric, sums } = this;
    const n = layout.trials;
    const m = blockSet.length * layout.rowsPerBlock;
    if (typeof metric === "function" || !sums) {
      const rows = this.scratch.subarray(0, m);
      for (let j = 0; j < n; j++) {
        const v = (metric as (r: Float64Array) => number)(concatBlocks(layout, j, blockSet, rows));
        out[j] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
      }
      return;
    }
    const depth = blockSet.length;
    const twoSums = metric !== "mean";
    let d = 0;
    while (d < depth && this.held[d] === blockSet[d]) d++;
    for (; d < depth; d++) {
      const b = blockSet[d]!;
      const base = b * n;
      const from1 = this.prefix1[d]!;
      const to1 = this.prefix1[d + 1]!;
      for (let j = 0; j < n; j++) to1[j] = from1[j]! + sums.sum[base + j]!;
      if (twoSums) {
        const from2 = this.prefix2[d]!;
        const to2 = this.prefix2[d + 1]!;
        for (let j = 0; j < n; j++) to2[j] = from2[j]! + sums.sumSq[base + j]!;
      }
      this.held[d] = b;
    }
    for (let k = depth; k < this.held.length; k++) this.held[k] = -1;
    const s1 = this.prefix1[depth]!;
    const s2 = this.prefix2[depth]!;
    for (let j = 0; j < n; j++) {
      const mu = sums.shift[j]! + s1[j]! / m;
      const v = twoSums ? sharpeFromSums(mu, s1[j]!, s2[j]!, m) : mu;
      out[j] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
    }
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
