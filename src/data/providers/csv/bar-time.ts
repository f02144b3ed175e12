/**
 * @module data/providers/csv/bar-time
 * One CSV time cell to a bar open time in epoch ms UTC, by the csv options (csv-options.ts):
 * - intraday bars: an epoch number or a time with an offset is an instant; a time without one is a wall-clock
 *   time in `timezone` (UTC by default). With `align: "grid"` the instant must lie on the timeframe's grid; with
 *   `"session"` it need not (the bars only have to increase, checked after sorting).
 * - bars of a day or longer are named by their session date: the date as written (`2024-01-02T00:00:00-05:00`
 *   and `2024-01-02 16:00` are both the bar of 2024-01-02, stored at 00:00 UTC), or for an epoch number its date
 *   in `timezone`. Two different times on the same date are refused (the file is finer than the timeframe).
 * - `1M` bars are named by their month: a date on the month's first day, or on its last day (pandas' month-end
 *   labels), is that month's bar, opening on the first at 00:00 UTC; any other day is refused.
 * Failures call `fail`, which throws DATA_INVALID with the line number.
 */
import { quote } from "../../../core/errors.js";
import {
  alignDown,
  isDailyOrLonger,
  MS_PER_DAY,
  nextBarTime,
  type Timeframe,
} from "../../../core/timeframe.js";
import type { CsvOptions } from "./csv-options.js";
import { compileDateFormat, type DateFormat, parseWithFormat } from "./date-format.js";
import { parsedTime, parseTimeParts, TimeKind } from "./parse-time.js";
import { ZoneConverter } from "./time-zone.js";

const KIND_NAMES = ["epoch number", "ISO date", "ISO date-time", "yyyyMMdd date"];

export class BarTimeReader {
  private readonly tf: Timeframe;
  private readonly daily: boolean;
  private readonly grid: boolean;
  private readonly fmt: DateFormat | undefined;
  private readonly zone: ZoneConverter | undefined;
  private readonly fail: (message: string) => never;
  private prevTs = Number.NEGATIVE_INFINITY;
  private prevWall = Number.NaN;
  private prevText = "";
  /** Forms seen (TimeKind -> rows), and whether any cell had an offset: what `data import` reports. */
  readonly kinds = new Uint32Array(4);
  withOffset = 0;

  constructor(
    timeframe: Timeframe,
    options: Partial<CsvOptions> | undefined,
    fail: (message: string) => never,
  ) {
    this.tf = timeframe;
    this.daily = isDailyOrLonger(timeframe);
    this.grid = (options?.align ?? "grid") === "grid";
    this.fmt = options?.date_format === undefined ? undefined : compileDateFormat(options.date_format);
    const tz = options?.timezone ?? "UTC";
    this.zone = tz === "UTC" || tz === "Etc/UTC" ? undefined : new ZoneConverter(tz);
    this.fail = fail;
  }

  /** How the time column was written, e.g. `ISO date-time, in America/New_York`. */
  describe(): string {
    const forms = this.fmt
      ? [`date_format ${this.fmt.pattern}`]
      : KIND_NAMES.filter((_, k) => this.kinds[k]! > 0);
    const zone = this.withOffset > 0 ? "with UTC offsets" : `in ${this.zone?.zone ?? "UTC"}`;
    return `${forms.join(" + ") || "none"}, ${zone}`;
  }

  read(text: string): number {
    const wall = this.fmt ? parseWithFormat(text, this.fmt) : parseTimeParts(text);
    if (Number.isNaN(wall)) {
      this.fail(
        this.fmt
          ? `time ${quote(text)} does not match the date format ${quote(this.fmt.pattern)}`
          : `time ${quote(text)} is not an ISO date, date-time, yyyyMMdd date or epoch number (date_format reads other forms)`,
      );
    }
    const kind = parsedTime.kind;
    const offset = parsedTime.offset;
    this.kinds[kind]!++;
    if (!Number.isNaN(offset)) this.withOffset++;
    const ts = this.daily ? this.sessionBar(text, wall, kind) : this.instant(text, wall, kind, offset);
    this.prevTs = ts;
    this.prevWall = wall;
    this.prevText = text;
    return ts;
  }

  private instant(text: string, wall: number, kind: TimeKind, offset: number): number {
    let ts = wall;
    if (kind !== TimeKind.epoch) {
      if (!Number.isNaN(offset)) ts = wall - offset;
      else if (this.zone) {
        ts = this.zone.toUtc(wall, this.prevTs);
        if (Number.isNaN(ts)) {
          this.fail(
            `time ${quote(text)} does not exist in ${this.zone.zone} (the clocks skipped it for DST)`,
          );
        }
      }
    }
    if (this.grid && alignDown(ts, this.tf) !== ts) {
      const grid = this.tf === "1w" ? "1w grid (Mondays 00:00 UTC)" : `${this.tf} grid`;
      const hint = this.zone ? "" : ' (for exchange-hours bars set provider_options.align to "session")';
      this.fail(
        `time ${quote(text)} is ${iso(ts)}, not on the ${grid}; the file's bars must match the timeframe${hint}`,
      );
    }
    return ts;
  }

  private sessionBar(text: string, wall: number, kind: TimeKind): number {
    const local = kind === TimeKind.epoch && this.zone ? this.zone.toWall(wall) : wall;
    const day = Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
    let ts = day;
    if (this.tf === "1M") {
      ts = alignDown(day, "1M");
      if (day !== ts && nextBarTime(ts, "1M") - MS_PER_DAY !== day) {
        this.fail(
          `time ${quote(text)} is neither the first nor the last day of a month, so it names no 1M bar`,
        );
      }
    } else if (this.grid && alignDown(day, this.tf) !== day) {
      const grid =
        this.tf === "1w" ? "1w grid (Mondays)" : `${this.tf} grid (every third day since 1970-01-01)`;
      this.fail(`time ${quote(text)} is not on the ${grid}; the file's bars must match the timeframe`);
    }
    if (ts === this.prevTs && wall !== this.prevWall) {
      this.fail(
        `time ${quote(text)} falls on the same ${this.tf} bar (${iso(ts).slice(0, 10)}) as the row before (${quote(this.prevText)}); the file's bars are shorter than ${this.tf}`,
      );
    }
    return ts;
  }
}

function iso(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}
