/**
 * @module data/providers/csv/csv-parse
 * Parses candle CSV bytes into struct-of-arrays candles. A file is valid or rejected as a whole: every row is
 * checked (even rows outside the requested range), so the same file never works for one range and fails for
 * another. The first bad value stops parsing with DATA_INVALID quoting the file, line number and cell. Rows are
 * then filtered to [start, end] (none left: DATA_NOT_FOUND saying what the file does cover), sorted and
 * de-duplicated (see sort-dedupe.ts). The bytes are decoded in slices
 * cut at line ends, so files larger than the longest string V8 allows still parse. A file whose bars are much
 * further apart than the timeframe (a monthly file read as `1d`) is refused with the timeframe it looks like
 * (a warning with `align: "session"`); a file without volume is read with volume NaN and a warning; with
 * `align: "session"` the gaps inside and between sessions are reported (session-gaps.ts).
 */
import type { Candles } from "../../../core/candles.js";
import { StudioError } from "../../../core/errors.js";
import type { Timeframe } from "../../../core/timeframe.js";
import type { IngestCounts } from "../../provider.js";
import { sessionGapWarning } from "../../quality/session-gaps.js";
import { spacingMismatch } from "../../quality/spacing.js";
import { sortAndDedupe } from "../../sort-dedupe.js";
import type { CsvOptions } from "./csv-options.js";
import { CsvRowReader } from "./csv-row-reader.js";

export interface CsvParseOptions {
  /** Shown in messages (e.g. `data/GOOG.csv`). */
  readonly file: string;
  readonly timeframe: Timeframe;
  readonly start: number;
  readonly end: number;
  /** How to read times (time zone, date format, ...); defaults: UTC, the built-in forms, grid alignment. */
  readonly csv?: Partial<CsvOptions>;
  /** Bytes decoded at a time (cut at the next line end); tests make it tiny to cross slice boundaries. */
  readonly sliceBytes?: number;
}

export interface CsvParseResult {
  readonly candles: Candles;
  readonly counts: IngestCounts;
  readonly warnings: string[];
  /** What the file looked like: for `data import` and messages. */
  readonly found: CsvFound;
}

export interface CsvFound {
  /** Valid data rows in the whole file, and the first and last bar among them. */
  readonly rows: number;
  readonly first: number;
  readonly last: number;
  /** Column name -> 1-based position in the header (time, open, ..., volume/vwap when present). */
  readonly columns: Record<string, number>;
  /** How the time column was written, e.g. `ISO date-time, in UTC`. */
  readonly timeFormat: string;
  readonly delimiter: string;
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
  const session = options.csv?.align === "session";
  const mismatch = spacingMismatch(candles.ts, options.timeframe);
  if (mismatch) {
    const message = `${options.file}: ${mismatch}`;
    if (!session) throw new StudioError("DATA_INVALID", message, { file: options.file });
    warnings.push(message);
  }
  const cols = state.cols;
  if (cols.volume < 0) {
    warnings.push(
      `${options.file}: the file has no volume column; volume is unknown (NaN), and indicators reading it cannot run`,
    );
  }
  if (session) {
    const note = sessionGapWarning(candles.ts, options.timeframe, options.csv?.timezone ?? "UTC");
    if (note) warnings.push(`${options.file}: ${note}`);
  }
  const columns: Record<string, number> = {};
  for (const name of ["time", "open", "high", "low", "close", "volume", "vwap"] as const) {
    if (cols[name] >= 0) columns[name] = cols[name] + 1;
  }
  const found = {
    rows: state.valid,
    first: state.first,
    last: state.last,
    columns,
    timeFormat: state.times.describe(),
    delimiter: state.delimiter,
  };
  return { candles, counts: { ...counts, rowsRejected: 0 }, warnings, found };
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
