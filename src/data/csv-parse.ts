/**
 * @module data/csv-parse
 * Parses candle CSV bytes into struct-of-arrays candles. A file is valid or rejected as a whole: every row is
 * checked (even rows outside the requested range), so the same file never works for one range and fails for
 * another. The first bad value stops parsing with DATA_INVALID quoting the file, line number and cell. Rows are
 * then filtered to [start, end] (none left: DATA_NOT_FOUND saying what the file does cover), sorted and
 * de-duplicated (see sort-dedupe.ts). The bytes are decoded in slices
 * cut at line ends, so files larger than the longest string V8 allows still parse.
 */
import type { Candles } from "../core/candles.js";
import { StudioError } from "../core/errors.js";
import type { Timeframe } from "../core/timeframe.js";
import { CsvRowReader } from "./csv-row-reader.js";
import type { IngestCounts } from "./provider.js";
import { sortAndDedupe } from "./sort-dedupe.js";

export interface CsvParseOptions {
  /** Shown in messages (e.g. `data/GOOG.csv`). */
  readonly file: string;
  readonly timeframe: Timeframe;
  readonly start: number;
  readonly end: number;
  /** Bytes decoded at a time (cut at the next line end); tests make it tiny to cross slice boundaries. */
  readonly sliceBytes?: number;
}

export interface CsvParseResult {
  readonly candles: Candles;
  readonly counts: IngestCounts;
  readonly warnings: string[];
}

const SLICE_BYTES = 32 << 20;

export function parseCandleCsv(bytes: Uint8Array, options: CsvParseOptions): CsvParseResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const state = new CsvRowReader(options, Math.max(16, Math.floor(buf.length / 48)));
  for (let from = 0; from < buf.length; ) {
    let to = Math.min(buf.length, from + (options.sliceBytes ?? SLICE_BYTES));
    if (to < buf.length) {
      const nl = buf.indexOf(10, to);
      to = nl < 0 ? buf.length : nl + 1;
    }
    state.chunk(buf.toString("utf8", from, to));
    from = to;
  }
  if (!state.cols)
    throw new StudioError("DATA_INVALID", `${options.file}: the file is empty (no header line)`);
  if (state.rows.length === 0) {
    const span = state.valid
      ? `its ${state.valid} row(s) run from ${iso(state.first)} to ${iso(state.last)}`
      : "it has no data rows";
    throw new StudioError(
      "DATA_NOT_FOUND",
      `${options.file}: no rows between ${iso(options.start)} and ${iso(options.end)}; ${span}`,
      { file: options.file },
    );
  }
  const { candles, counts, conflicts } = sortAndDedupe(state.rows.build());
  const warnings = conflicts.length
    ? [
        `${options.file}: ${counts.conflictingDuplicates} row(s) repeat a timestamp with different values; ` +
          `the later line was kept (first at ${new Date(conflicts[0]!.ts).toISOString()})`,
      ]
    : [];
  return { candles, counts: { ...counts, rowsRejected: 0 }, warnings };
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
