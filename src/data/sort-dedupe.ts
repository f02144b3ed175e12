/**
 * @module data/sort-dedupe
 * Puts ingested rows into strictly increasing time order. Unsorted rows are sorted (stable, so file order
 * decides among equal timestamps) and counted. Rows sharing a timestamp collapse to the **last** one in source
 * order: exports that append corrections put the correction last, and for exact duplicates the choice does not
 * matter. Every dropped row is counted; those whose values differed from the kept row are counted again as
 * conflicting, with their positions returned for a warning, because that is a data problem the user should see.
 */
import type { Candles } from "../core/candles.js";
import type { IngestCounts } from "./provider.js";

export interface Conflict {
  readonly ts: number;
  /** Source positions (0-based row indices) of the dropped and the kept row. */
  readonly dropped: number;
  readonly kept: number;
}

export interface SortDedupeResult {
  readonly candles: Candles;
  readonly counts: Omit<IngestCounts, "rowsRejected">;
  /** The first few conflicting duplicates, for messages. */
  readonly conflicts: readonly Conflict[];
}

const MAX_CONFLICTS_REPORTED = 5;

export function sortAndDedupe(c: Candles): SortDedupeResult {
  const { ts } = c;
  const n = ts.length;
  let unsorted = 0;
  let ties = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = ts[i]!;
    if (t < max) unsorted++;
    else if (t === max) ties++;
    else max = t;
  }
  const none = { duplicatesDropped: 0, conflictingDuplicates: 0, unsortedFixed: 0 };
  if (unsorted === 0 && ties === 0) return { candles: c, counts: none, conflicts: [] };

  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (unsorted > 0) order.sort((a, b) => ts[a]! - ts[b]! || a - b);

  // keep[k] = source index of the k-th output row: the last row of each run of equal timestamps.
  const keep = new Uint32Array(n);
  let m = 0;
  let conflicting = 0;
  const conflicts: Conflict[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const next = k + 1 < n ? order[k + 1]! : -1;
    if (next >= 0 && ts[next] === ts[i]) {
      if (!sameValues(c, i, next)) {
        conflicting++;
        if (conflicts.length < MAX_CONFLICTS_REPORTED) conflicts.push({ ts: ts[i]!, dropped: i, kept: next });
      }
      continue;
    }
    keep[m++] = i;
  }
  return {
    candles: gather(c, keep.subarray(0, m)),
    counts: { duplicatesDropped: n - m, conflictingDuplicates: conflicting, unsortedFixed: unsorted },
    conflicts,
  };
}

function sameValues(c: Candles, a: number, b: number): boolean {
  return (
    c.open[a] === c.open[b] &&
    c.high[a] === c.high[b] &&
    c.low[a] === c.low[b] &&
    c.close[a] === c.close[b] &&
    c.volume[a] === c.volume[b] &&
    (c.vwap === undefined || c.vwap[a] === c.vwap[b])
  );
}

function gather(c: Candles, idx: Uint32Array): Candles {
  const pick = (col: Float64Array): Float64Array => {
    const out = new Float64Array(idx.length);
    for (let k = 0; k < idx.length; k++) out[k] = col[idx[k]!]!;
    return out;
  };
  return {
    ts: pick(c.ts),
    open: pick(c.open),
    high: pick(c.high),
    low: pick(c.low),
    close: pick(c.close),
    volume: pick(c.volume),
    ...(c.vwap ? { vwap: pick(c.vwap) } : {}),
  };
}
