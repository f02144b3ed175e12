/**
 * @module data/parse-time
 * Fast parsing of one CSV time cell into epoch ms UTC, without regular expressions or `Date.parse` (a million
 * rows of those cost about a second). Accepted forms:
 * - ISO date `2024-01-31` (also `2024/01/31`, `2024.01.31`): midnight UTC;
 * - ISO date-time `2024-01-31 09:30`, `2024-01-31T09:30:15`, optional fraction (up to 9 digits, truncated to
 *   ms), optional `Z` or offset `+01:00`/`+0100`; without an offset the time is UTC;
 * - epoch numbers, unit told by magnitude: |v| < 1e11 seconds (up to year 5138), < 1e14 milliseconds,
 *   < 1e17 microseconds, otherwise nanoseconds. (So ms timestamps before 1973-03-03 would read as seconds.)
 * Impossible calendar values (2021-02-30, 24:00) are rejected. Returns NaN when the cell is not a time.
 */

const ZERO = 48;

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function parseTimeCell(s: string): number {
  const n = s.length;
  if (n >= 10 && s.charCodeAt(4) === s.charCodeAt(7) && isDateSep(s.charCodeAt(4))) return parseIso(s);
  return parseEpoch(s);
}

function isDateSep(c: number): boolean {
  return c === 45 /* - */ || c === 47 /* / */ || c === 46 /* . */;
}

function parseIso(s: string): number {
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return Number.NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  if (s.length === 10) return ms;
  const sep = s.charCodeAt(10);
  if ((sep !== 84 /* T */ && sep !== 32) || s.length < 16 || s.charCodeAt(13) !== 58 /* : */)
    return Number.NaN;
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN;
  ms += h * 3_600_000 + mi * 60_000;
  let i = 16;
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
  return applyZone(s, i, ms);
}

function applyZone(s: string, i: number, ms: number): number {
  const c = s.charCodeAt(i);
  if (c === 90 /* Z */) return i + 1 === s.length ? ms : Number.NaN;
  if (c !== 43 && c !== 45) return Number.NaN;
  const rest = s.length - i - 1;
  const colon = rest === 5 && s.charCodeAt(i + 3) === 58;
  if (rest !== 4 && !colon) return Number.NaN;
  const oh = digits(s, i + 1, 2);
  const om = digits(s, colon ? i + 4 : i + 3, 2);
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
  const offset = (oh * 60 + om) * 60_000;
  // A local time east of UTC (+hh:mm) is earlier in UTC.
  return c === 43 ? ms - offset : ms + offset;
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
