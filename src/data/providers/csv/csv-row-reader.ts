/**
 * @module data/providers/csv/csv-row-reader
 * The CSV hot loop: reads decoded slices line by line, finds field boundaries with indexOf (no split, no
 * substring per numeric cell), validates each row and appends it into typed columns. Lines with quotes take a
 * slower split-and-unquote path. Line numbers are physical lines (header = 1), blank lines included.
 * Times (see bar-time.ts) become bar open times in UTC; a bar of a day or longer keeps the date it is written
 * with, whatever its time of day or offset.
 */
import { quote, StudioError } from "../../../core/errors.js";
import { CandleBuilder } from "../../candle-builder.js";
import { BarTimeReader } from "./bar-time.js";
import { type CsvColumns, detectDelimiter, resolveColumns } from "./csv-header.js";
import type { CsvParseOptions } from "./csv-parse.js";
import { parseNumber } from "./parse-number.js";

export class CsvRowReader {
  cols: CsvColumns | undefined;
  rows: CandleBuilder;
  /** Valid data rows in the whole file and their time span, for "nothing in range" messages. */
  valid = 0;
  first = Number.POSITIVE_INFINITY;
  last = Number.NEGATIVE_INFINITY;
  private line = 0;
  private delim = ",";
  get delimiter(): string {
    return this.delim;
  }
  /** Whether the current slice has any quote at all; when not, rows skip the per-line quote test. */
  private quoted = false;
  private readonly o: CsvParseOptions;
  private readonly capacity: number;
  /** Field start/end offsets of the current line, reused for every row. */
  private bounds = new Int32Array(0);
  private text = "";
  readonly times: BarTimeReader;

  constructor(options: CsvParseOptions, capacity: number) {
    this.o = options;
    this.capacity = capacity;
    this.rows = new CandleBuilder(1);
    this.times = new BarTimeReader(options.timeframe, options.csv, (message) => this.fail(message));
  }

  chunk(text: string): void {
    this.text = text;
    this.quoted = text.includes('"');
    let pos = 0;
    while (pos < text.length) {
      let nl = text.indexOf("\n", pos);
      if (nl < 0) nl = text.length;
      let end = nl;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      this.line++;
      if (this.cols) {
        if (end > pos) this.row(pos, end);
      } else if (text.slice(pos, end).trim() !== "") {
        this.header(text.slice(pos, end));
      }
      pos = nl + 1;
    }
  }

  private header(line: string): void {
    this.delim = detectDelimiter(line);
    this.cols = resolveColumns(line.split(this.delim), this.o.file, this.o.csv?.time_column);
    this.bounds = new Int32Array(this.cols.width * 2);
    this.rows = new CandleBuilder(this.capacity, this.cols.vwap >= 0);
  }

  private row(from: number, to: number): void {
    const c = this.cols!;
    const t = this.text;
    if (this.quoted && t.slice(from, to).includes('"')) {
      this.quotedRow(t.slice(from, to));
      return;
    }
    const b = this.bounds;
    let p = from;
    let k = 0;
    for (; k < c.width && p <= to; k++) {
      let q = t.indexOf(this.delim, p);
      if (q < 0 || q > to) q = to;
      b[2 * k] = p;
      b[2 * k + 1] = q;
      p = q + 1;
    }
    if (k < c.width) {
      if (t.slice(from, to).trim() === "") return;
      this.fail(`expected ${c.width} fields, found ${k}`, t.slice(from, to));
    }
    this.values(
      t.slice(b[2 * c.time]!, b[2 * c.time + 1]!),
      (col) => (col < 0 ? 0 : parseNumber(t, b[2 * col]!, b[2 * col + 1]!)),
      (col) => t.slice(b[2 * col]!, b[2 * col + 1]!),
    );
  }

  /** Rare path: a line with quotes is split and unquoted field by field. */
  private quotedRow(line: string): void {
    const c = this.cols!;
    const f = line.split(this.delim).map((x) => x.trim().replace(/^"(.*)"$/, "$1"));
    if (f.length < c.width) this.fail(`expected ${c.width} fields, found ${f.length}`, line);
    this.values(
      f[c.time]!,
      (col) => (col < 0 ? 0 : parseNumber(f[col]!, 0, f[col]!.length)),
      (col) => f[col]!,
    );
  }

  private values(timeCell: string, num: (col: number) => number, cell: (col: number) => string): void {
    const c = this.cols!;
    const ts = this.times.read(timeCell.trim());
    const open = num(c.open);
    const high = num(c.high);
    const low = num(c.low);
    const close = num(c.close);
    // No volume column: volume is unknown (NaN); the combined test below sees 0 for it.
    const volume = c.volume < 0 ? Number.NaN : num(c.volume);
    const vwap = num(c.vwap);
    // One combined test keeps the common (valid) row to a single branch.
    if (
      !(
        open > 0 &&
        high > 0 &&
        low > 0 &&
        close > 0 &&
        (c.volume < 0 ? Number.isFinite(high + vwap) : volume >= 0 && Number.isFinite(high + volume + vwap))
      )
    ) {
      this.badNumbers(cell);
    }
    if (c.vwap >= 0 && !(vwap > 0)) this.fail(`vwap ${quote(cell(c.vwap).trim())} is not a positive price`);
    if (high < low) this.fail(`high ${high} is below low ${low}`);
    if (high < open || high < close) this.fail(`high ${high} is below max(open ${open}, close ${close})`);
    if (low > open || low > close) this.fail(`low ${low} is above min(open ${open}, close ${close})`);
    this.valid++;
    if (ts < this.first) this.first = ts;
    if (ts > this.last) this.last = ts;
    if (ts < this.o.start || ts > this.o.end) return;
    this.rows.push(ts, open, high, low, close, volume, vwap);
  }

  private badNumbers(cell: (col: number) => string): never {
    const c = this.cols!;
    for (const name of ["open", "high", "low", "close", "volume"] as const) {
      if (c[name] < 0) continue;
      const text = cell(c[name]).trim();
      const v = parseNumber(text, 0, text.length);
      if (!Number.isFinite(v)) this.fail(`${name} ${quote(text)} is not a decimal number`);
      if (name === "volume" && v < 0) this.fail(`volume ${quote(text)} is negative`);
      if (name !== "volume" && v <= 0) this.fail(`${name} ${quote(text)} is not a positive price`);
    }
    const text = cell(c.vwap).trim();
    this.fail(`vwap ${quote(text)} is not a decimal number`);
  }

  private fail(message: string, text?: string): never {
    const where = `${this.o.file}:${this.line}`;
    const tail = text === undefined ? "" : ` in ${quote(text)}`;
    throw new StudioError("DATA_INVALID", `${where}: ${message}${tail}`, {
      file: this.o.file,
      line: this.line,
    });
  }
}
