/**
 * @module report/histogram-outline
 * A stored histogram ({min, max, counts}, see validation/histogram) as the outline the report's chart fills:
 * the bins' edges and counts as the corners of a staircase from the x axis up and back down, so a line series
 * draws each bin as a bar exactly between its edges. Also each bin's range, for the chart's tooltip.
 */

export interface StoredHistogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
}

export interface HistogramBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** Bin k spans [min + k w, min + (k+1) w], w = (max - min) / bins; the outer edges are min and max exactly. */
export function histogramBins(h: StoredHistogram): HistogramBin[] {
  const k = h.counts.length;
  const w = (h.max - h.min) / k;
  const edge = (i: number) => (i === k ? h.max : h.min + i * w);
  return h.counts.map((count, i) => ({ lo: edge(i), hi: edge(i + 1), count }));
}

/**
 * [x, y] corners: (min, 0), then (lo, count) and (hi, count) per bin, then (max, 0). A constant distribution (one
 * bin, min = max) would be a bar of no width: it is drawn 1% of its value wide (at least 1e-4) around it.
 */
export function histogramOutline(h: StoredHistogram): [number, number][] {
  const bins = histogramBins(h);
  if (h.max === h.min) {
    const half = Math.max(Math.abs(h.min) * 0.005, 5e-5);
    bins[0] = { lo: h.min - half, hi: h.min + half, count: bins[0]?.count ?? 0 };
  }
  const out: [number, number][] = [[bins[0]!.lo, 0]];
  for (const b of bins) out.push([b.lo, b.count], [b.hi, b.count]);
  out.push([bins[bins.length - 1]!.hi, 0]);
  return out;
}
