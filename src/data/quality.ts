/**
 * @module data/quality
 * The data-quality report of a candle series, as it appears in a run's summary.json (snake_case JSON). It is a
 * pure function of the returned bars and the provider's ingest counts, so a series read from the cache reports
 * the same numbers as when it was fetched.
 */
import type { IngestCounts } from "./provider.js";

export interface QualityReport {
  /** Bars returned. */
  bars: number;
  /** Bars whose gap_flag is set (see gap-flags.ts). */
  gaps: number;
  /** Largest distance between consecutive open times among flagged gaps, in ms; 0 without gaps. */
  largest_gap_ms: number;
  /** Rows dropped because an earlier/later row had the same timestamp. */
  duplicates_dropped: number;
  /** Of duplicates_dropped, rows whose values differed from the row kept. */
  conflicting_duplicates: number;
  /** Rows dropped as non-positive or inconsistent OHLC. */
  rows_rejected: number;
  /** Rows that came out of time order and were sorted into place. */
  unsorted_fixed: number;
}

export function qualityReport(
  ts: Float64Array,
  gapFlag: Uint8Array,
  counts: Partial<IngestCounts> = {},
): QualityReport {
  let gaps = 0;
  let largest = 0;
  for (let i = 1; i < ts.length; i++) {
    if (gapFlag[i] === 1) {
      gaps++;
      const d = ts[i]! - ts[i - 1]!;
      if (d > largest) largest = d;
    }
  }
  return {
    bars: ts.length,
    gaps,
    largest_gap_ms: largest,
    duplicates_dropped: counts.duplicatesDropped ?? 0,
    conflicting_duplicates: counts.conflictingDuplicates ?? 0,
    rows_rejected: counts.rowsRejected ?? 0,
    unsorted_fixed: counts.unsortedFixed ?? 0,
  };
}
