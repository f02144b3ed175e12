/**
 * @module data/providers/csv/parse-time
 * Fast parsing of one CSV time cell, without regular expressions or `Date.parse` (a million rows of those cost
 * about a second). `parseTimeParts` says what the cell *wrote*: the wall-clock time (as epoch ms of that clock
 * read in UTC), the offset it carried if any, and which form it had, so the reader can apply a time zone or keep a
 * daily bar's date. `parseTimeCell` is the plain reading (no offset = UTC). Accepted forms:
 * - ISO date `2024-01-31` (also `2024/01/31`, `2024.01.31`): midnight;
 * - ISO date-time `2024-01-31 09:30`, `2024-01-31T09:30:15`, optional fraction (up to 9 digits, truncated to
 *   ms), optional `Z` or offset `+01:00`/`+0100`;
 * - compact date `20240131`: 8 digits starting with a year from 1800 to 2199 are a yyyyMMdd date (or invalid),
 *   never epoch seconds, which would put them in the summer of 1970;
 * - epoch numbers, unit told by magnitude: |v| < 1e11 seconds (up to year 5138), < 1e14 milliseconds,
 *   < 1e17 microseconds, otherwise nanoseconds. (So ms timestamps before 1973-03-03 would read as seconds.)
 * Impossible calendar values (2021-02-30, 24:00) are rejected. NaN when the cell is not a time.
 */

const ZERO = 48;

export const TimeKind = { epoch: 0, date: 1, dateTime: 2, compactDate: 3 } as const;
export type TimeKind = (typeof TimeKind)[keyof typeof TimeKind];

/** What the last `parseTimeParts` call read; one reused object, so the hot loop allocates nothing. */
export const parsedTime = {
  /** Wall-clock time as if it were UTC; for epoch numbers, the instant itself. */
  wall: 0,
  /** Offset east of UTC in ms the cell carried (`Z` = 0), or NaN when it had none (always NaN for epochs). */
  offset: Number.NaN,
  kind: TimeKind.epoch as TimeKind,
};

export function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Epoch ms of a calendar date at midnight, or NaN when the date does not exist. */
export function civilMs(y: number, mo: number, d: number): number {
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  return daysFromCivil(y, mo, d) * 86_400_000;
}

/** Epoch ms UTC of the cell: its offset applied, a cell without one read as UTC. */
export function parseTimeCell(s: string): number {
  const wall = parseTimeParts(s);
  const off = parsedTime.offset;
  return Number.isNaN(off) ? wall : wall - off;
}

/** The cell's wall-clock time (see `parsedTime` for its offset and form); NaN when it is not a time. */
export function parseTimeParts(s: string): number {
  parsedTime.offset = Number.NaN;
  const n = s.length;
  if (n >= 10 && s.charCodeAt(4) === s.charCodeAt(7) && isDateSep(s.charCodeAt(4))) {
    const date = civilMs(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    parsedTime.kind = n === 10 ? TimeKind.date : TimeKind.dateTime;
    return (parsedTime.wall = Number.isNaN(date) ? date : parseClock(s, 10, date));
  }
  if (n === 8) {
    const y = digits(s, 0, 4);
    if (y >= 1800 && y < 2200) {
      // Shaped like yyyyMMdd: a date or nothing (as epoch seconds it would fall in the summer of 1970).
      parsedTime.kind = TimeKind.compactDate;
      return (parsedTime.wall = civilMs(y, digits(s, 4, 2), digits(s, 6, 2)));
    }
  }
  parsedTime.kind = TimeKind.epoch;
  return (parsedTime.wall = parseEpoch(s));
}

function isDateSep(c: number): boolean {
  return c === 45 /* - */ || c === 47 /* / */ || c === 46 /* . */;
}

/**
 * Adds the optional ` HH:mm[:ss[.fff]][Z|±hh:mm]` starting at `i` to `date`; records the offset in `parsedTime`.
 * NaN when the rest of the cell is not such a time.
 */
export function parseClock(s: string, i: number, date: number): number {
  if (s.length === i) return date;
  const sep = s.charCodeAt(i);
  if ((sep !== 84 /* T */ && sep !== 32) || s.length < i + 6 || s.charCodeAt(i + 3) !== 58 /* : */)
    return Number.NaN;
  const h = digits(s, i + 1, 2);
  const mi = digits(s, i + 4, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  let ms = date + h * 3_600_000 + mi * 60_000;
  i += 6;
  if (s.charCodeAt(i) === 58) {
    const sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return Number.NaN;
    ms += sec * 1000;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      let frac = 0;
      let scale = 100;
      let j = i + 1;
      for (; j < s.length; j++) {
        const dd = s.charCodeAt(j) - ZERO;
        if (dd < 0 || dd > 9) break;
        frac += dd * scale;
        scale /= 10;
      }
      if (j === i + 1 || j - i - 1 > 9) return Number.NaN;
      ms += Math.floor(frac);
      i = j;
    }
  }
  if (i === s.length) return ms;
  const offset = parseOffset(s, i);
  if (Number.isNaN(offset)) return Number.NaN;
  parsedTime.offset = offset;
  return ms;
}

/** `Z`, `±hh:mm` or `±hhmm` from `i` to the end of `s`, in ms east of UTC; NaN otherwise. */
function parseOffset(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) return i + 1 === s.length ? 0 : Number.NaN;
  if (c !== 43 && c !== 45) return Number.NaN;
  const rest = s.length - i - 1;
  const colon = rest === 5 && s.charCodeAt(i + 3) === 58;
  if (rest !== 4 && !colon) return Number.NaN;
  const oh = digits(s, i + 1, 2);
  const om = digits(s, colon ? i + 4 : i + 3, 2);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
  const offset = (oh * 60 + om) * 60_000;
  return c === 43 ? offset : -offset;
}

function parseEpoch(s: string): number {
  if (s.length === 0) return Number.NaN;
  const c = s.charCodeAt(0);
  if (!(c === 45 || (c >= ZERO && c <= ZERO + 9))) return Number.NaN;
  const v = Number(s);
  if (!Number.isFinite(v)) return Number.NaN;
  const a = Math.abs(v);
  const ms = a < 1e11 ? v * 1000 : a < 1e14 ? v : a < 1e17 ? v / 1000 : v / 1e6;
  return Math.floor(ms);
}
