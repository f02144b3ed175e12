/**
 * @module data/providers/csv/csv-header
 * Maps a CSV header to the columns the studio needs. Names are matched case-insensitively after trimming,
 * removing quotes and turning spaces into underscores, so `Open`, `OPEN`, `"open"` and `Open Time` all work.
 * The time column is the first of `ts_utc, timestamp, datetime, open_time, date, time` present, or else an
 * unnamed first column (how pandas writes its index), unless the `time_column` option names it. The volume column
 * may be missing (its index is then -1 and volume reads as NaN). `Adj Close` and any other extra column are ignored. A
 * column the studio reads may appear only once (`Close` and `close`, or `Volume` and `Vol`, are refused rather
 * than one of them silently winning). Messages quote the header through `quote`, so a file that is not a CSV at
 * all never has more than a short excerpt of its first line repeated back.
 */
import { quote, StudioError } from "../../../core/errors.js";

export interface CsvColumns {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** -1 when the file has no volume column. */
  readonly volume: number;
  /** -1 when the file has no vwap column. */
  readonly vwap: number;
  /** The header's field count (rows must have at least the highest index used). */
  readonly width: number;
}

const TIME_NAMES = ["ts_utc", "timestamp", "datetime", "open_time", "date", "time"];
const REQUIRED = ["open", "high", "low", "close"] as const;
const ALIASES: Record<string, string> = { vol: "volume" };

export function normalizeName(raw: string): string {
  const name = raw
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "_");
  return ALIASES[name] ?? name;
}

/** Resolves column positions; DATA_INVALID naming the file, what is missing and what was found. */
export function resolveColumns(header: readonly string[], file: string, timeColumn?: string): CsvColumns {
  const names = header.map(normalizeName);
  const index = (name: string) => names.indexOf(name);
  let time = -1;
  if (timeColumn !== undefined) {
    time = index(normalizeName(timeColumn));
    if (time < 0) {
      throw new StudioError(
        "DATA_INVALID",
        `${file}:1: header has no column ${quote(timeColumn)} (time_column); found ${quote(header.map((h) => h.trim()).join(","))}`,
        { file, line: 1, missing: [timeColumn] },
      );
    }
  }
  for (const name of TIME_NAMES) {
    if (time >= 0) break;
    time = index(name);
  }
  for (const name of [...REQUIRED, "volume", "vwap", ...(time >= 0 ? [names[time]!] : [])]) {
    const second = names.indexOf(name, index(name) + 1);
    if (index(name) >= 0 && second >= 0) {
      const at = (i: number) => `column ${i + 1} ${quote(header[i]!.trim(), 30)}`;
      throw new StudioError(
        "DATA_INVALID",
        `${file}:1: header has two ${name} columns, ${at(index(name))} and ${at(second)}; keep one`,
        { file, line: 1, column: name, positions: [index(name) + 1, second + 1] },
      );
    }
  }
  if (time < 0 && (names[0] === "" || names[0] === "unnamed:_0")) time = 0;
  const missing: string[] =
    time < 0 ? [`a time column (${TIME_NAMES.join("/")} or an unnamed first column)`] : [];
  const found: Record<string, number> = {};
  for (const col of REQUIRED) {
    found[col] = index(col);
    if (found[col] < 0) missing.push(col);
  }
  if (missing.length > 0) {
    throw new StudioError(
      "DATA_INVALID",
      `${file}:1: header lacks ${missing.join(", ")}; found ${header.length} column(s): ${quote(header.map((h) => h.trim()).join(","))}`,
      { file, line: 1, missing },
    );
  }
  const vwap = index("vwap");
  const volume = index("volume");
  const cols = { time, ...(found as Record<(typeof REQUIRED)[number], number>), volume, vwap };
  return { ...cols, width: Math.max(...Object.values(cols)) + 1 };
}

/** The field separator: a comma unless the header has none and has semicolons or tabs instead. */
export function detectDelimiter(headerLine: string): string {
  if (headerLine.includes(",")) return ",";
  if (headerLine.includes(";")) return ";";
  if (headerLine.includes("\t")) return "\t";
  return ",";
}
