/**
 * @module data/quality/quality
 * The data-quality report of a candle series, as it appears in a run's summary.json (snake_case JSON). It is a
 * pure function of the returned bars and the provider's ingest counts, so a series read from the cache reports
 * the same numbers as when it was fetched, and the same warnings (partial coverage, no volume, ...).
 */
import {
  alignDown,
  alignUp,
  barsBetween,
  MS_PER_DAY,
  TIMEFRAME_MS,
  type Timeframe,
} from "../../core/timeframe.js";
import type { IngestCounts } from "../provider.js";

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
  /**
   * What is wrong with the data as a whole (partial coverage of the range, no volume column, session gaps,
   * conflicting duplicates); absent when nothing is.
   */
  warnings?: string[];
}

export function qualityReport(
  ts: Float64Array,
  gapFlag: Uint8Array,
  counts: Partial<IngestCounts> = {},
  warnings: readonly string[] = [],
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
    ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
  };
}

/**
 * A sentence when the bars cover clearly less than the requested range (more than three bars, and more than
 * four days so a weekend or holiday never counts, missing at either end); undefined otherwise.
 */
export function coverageWarning(
  ts: Float64Array,
  request: { readonly timeframe: Timeframe; readonly start: number; readonly end: number },
): string | undefined {
  const n = ts.length;
  if (n === 0) return undefined;
  const { timeframe, start, end } = request;
  const slack = Math.max(3 * TIMEFRAME_MS[timeframe], 4 * MS_PER_DAY);
  const first = ts[0]!;
  const last = ts[n - 1]!;
  const missingStart = first - alignUp(start, timeframe) > slack;
  const missingEnd = alignDown(end, timeframe) - last > slack;
  if (!missingStart && !missingEnd) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().replace("T00:00:00.000Z", "").replace(".000Z", "Z");
  const ends = [missingStart ? "start" : "", missingEnd ? "end" : ""].filter(Boolean).join(" and ");
  const requested = barsBetween(start, end, timeframe);
  return (
    `the data covers only ${day(first)} to ${day(last)} (${n} bars) of the requested ${day(start)} to ${day(end)}` +
    ` (up to ${requested} ${timeframe} grid bars); bars are missing at the ${ends}`
  );
}
