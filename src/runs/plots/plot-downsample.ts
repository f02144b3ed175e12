/**
 * @module runs/plots/plot-downsample
 * A chart cannot show more points than it has pixel columns, and handing a million points to echarts and resvg
 * costs seconds. Keeping each pixel column's minimum and maximum (in time order) plus the first and last points
 * draws the same picture, spikes and crashes included, from at most 2 points per column: an average or every-k-th
 * sample would hide exactly the drawdown a user is looking for.
 */

export interface XYPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Min/max downsampling of `(x, y)` into `buckets` equal-width x ranges (x ascending; pixel columns of a time axis).
 * Keeps the first and the last point, and in each bucket the points holding its minimum and maximum y, in x order
 * (one point when both are the same). NaN values are skipped (a bucket holding an infinite value is left out
 * whole). Returns at most `2 x buckets + 2` points; a series already that small (or with no x span) is returned
 * with only its non-finite points removed.
 */
export function minMaxDownsample(x: Float64Array, y: Float64Array, buckets: number): XYPoints {
  const n = x.length;
  const span = n > 0 ? x[n - 1]! - x[0]! : 0;
  if (n <= 2 * buckets + 2 || !(span > 0) || buckets < 1) return finitePoints(x, y);
  const outX = new Float64Array(2 * buckets + 2);
  const outY = new Float64Array(2 * buckets + 2);
  let k = 0;
  const push = (i: number) => {
    outX[k] = x[i]!;
    outY[k++] = y[i]!;
  };
  if (Number.isFinite(y[0]!)) push(0);
  const x0 = x[0]!;
  const last = n - 1;
  let i = 1;
  for (let b = 0; b < buckets && i < last; b++) {
    const limit = b === buckets - 1 ? Number.POSITIVE_INFINITY : x0 + ((b + 1) * span) / buckets;
    let lo = -1;
    let hi = -1;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    // Comparisons with NaN are false, so non-finite values never become a bucket's min or max.
    for (; i < last && x[i]! < limit; i++) {
      const v = y[i]!;
      if (v < low) {
        low = v;
        lo = i;
      }
      if (v > high) {
        high = v;
        hi = i;
      }
    }
    if (lo < 0 || !Number.isFinite(low) || !Number.isFinite(high)) continue;
    if (lo === hi) push(lo);
    else {
      push(Math.min(lo, hi));
      push(Math.max(lo, hi));
    }
  }
  if (Number.isFinite(y[last]!)) push(last);
  return { x: outX.subarray(0, k), y: outY.subarray(0, k) };
}

function finitePoints(x: Float64Array, y: Float64Array): XYPoints {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(y[i]!)) keep.push(i);
  return { x: Float64Array.from(keep, (i) => x[i]!), y: Float64Array.from(keep, (i) => y[i]!) };
}
