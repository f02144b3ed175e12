/**
 * @module data/providers/csv/date-format
 * Explicit date formats for CSV time cells (`date_format` of the csv provider): a pattern of the fields `yyyy`,
 * `MM`, `dd` (each required, fixed width) and optionally `HH`, `mm`, `ss`, with any other characters taken
 * literally, e.g. `yyyyMMdd`, `dd.MM.yyyy`, `MM/dd/yyyy HH:mm`. A pattern without a time part still accepts a time
 * after the date (` 16:00`, `T09:30:00-05:00`), like ISO cells. The studio never guesses between day-first and
 * month-first: `01/02/2024` is read only through a pattern that says which it is.
 */
import { quote, StudioError } from "../../../core/errors.js";
import { civilMs, digits, parseClock, parsedTime, TimeKind } from "./parse-time.js";

const FIELDS = ["yyyy", "MM", "dd", "HH", "mm", "ss"] as const;
type Field = (typeof FIELDS)[number];

export interface DateFormat {
  readonly pattern: string;
  /** Character offset of each field in a cell, -1 when absent. */
  readonly at: Readonly<Record<Field, number>>;
  /** Literal characters and their offsets. */
  readonly literals: readonly (readonly [number, number])[];
  /** Length of the pattern (and of the date part of every cell). */
  readonly width: number;
}

/** Compiles a pattern; CONFIG_INVALID saying what is wrong with it. */
export function compileDateFormat(pattern: string, path = "provider_options.date_format"): DateFormat {
  const at: Record<Field, number> = { yyyy: -1, MM: -1, dd: -1, HH: -1, mm: -1, ss: -1 };
  const literals: [number, number][] = [];
  for (let i = 0; i < pattern.length; ) {
    const field = FIELDS.find((f) => pattern.startsWith(f, i));
    if (field) {
      if (at[field] >= 0) throw invalid(pattern, path, `has ${field} twice`);
      at[field] = i;
      i += field.length;
      continue;
    }
    const ch = pattern[i]!;
    if (/[A-Za-z]/.test(ch) && ch !== "T") {
      throw invalid(
        pattern,
        path,
        `has an unknown field at ${quote(pattern.slice(i))} (fields: ${FIELDS.join(", ")})`,
      );
    }
    literals.push([i, pattern.charCodeAt(i)]);
    i++;
  }
  for (const f of ["yyyy", "MM", "dd"] as const) {
    if (at[f] < 0) throw invalid(pattern, path, `lacks ${f} (a date needs yyyy, MM and dd)`);
  }
  if ((at.mm >= 0 || at.ss >= 0) && at.HH < 0)
    throw invalid(pattern, path, "has minutes or seconds but no HH");
  if (at.ss >= 0 && at.mm < 0) throw invalid(pattern, path, "has ss but no mm");
  return { pattern, at, literals, width: pattern.length };
}

function invalid(pattern: string, path: string, message: string): StudioError {
  return new StudioError("CONFIG_INVALID", `${path}: ${quote(pattern)} ${message}`, {
    issues: [{ path, message, value: pattern }],
  });
}

/** Like `parseTimeParts`, through the pattern: the wall-clock time (offset in `parsedTime`), NaN if no match. */
export function parseWithFormat(s: string, f: DateFormat): number {
  parsedTime.offset = Number.NaN;
  parsedTime.kind = f.at.HH >= 0 ? TimeKind.dateTime : TimeKind.date;
  if (s.length < f.width) return (parsedTime.wall = Number.NaN);
  for (const [i, code] of f.literals) if (s.charCodeAt(i) !== code) return (parsedTime.wall = Number.NaN);
  const { at } = f;
  let ms = civilMs(digits(s, at.yyyy, 4), digits(s, at.MM, 2), digits(s, at.dd, 2));
  if (at.HH >= 0 && !Number.isNaN(ms)) {
    const h = digits(s, at.HH, 2);
    const mi = at.mm >= 0 ? digits(s, at.mm, 2) : 0;
    const sec = at.ss >= 0 ? digits(s, at.ss, 2) : 0;
    ms =
      h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59
        ? Number.NaN
        : ms + ((h * 60 + mi) * 60 + sec) * 1000;
  }
  if (Number.isNaN(ms) || s.length === f.width) return (parsedTime.wall = ms);
  if (at.HH >= 0) {
    // The pattern's own time part may be followed only by an offset: hand it to parseClock's offset rules.
    return (parsedTime.wall = parseOffsetOnly(s, f.width, ms));
  }
  parsedTime.kind = TimeKind.dateTime;
  return (parsedTime.wall = parseClock(s, f.width, ms));
}

function parseOffsetOnly(s: string, i: number, ms: number): number {
  // parseClock reads " HH:mm" before an offset; feed it a zero clock so only the offset rules apply.
  const probe = parseClock(` 00:00${s.slice(i)}`, 0, 0);
  return Number.isNaN(probe) ? probe : ms;
}
