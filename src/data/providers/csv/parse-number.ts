/**
 * @module data/providers/csv/parse-number
 * Decimal parsing straight from a string range, for the CSV hot loop (no substring per cell). Plain decimals
 * with at most 15 significant digits (`-12.5`, `0.00012`, `42`) are built as integer / 10^k, which is exactly
 * what `Number()` returns for them: both operands are exact doubles and IEEE division rounds correctly. Other
 * decimal spellings (exponents, long mantissas, surrounding blanks) fall back to `Number()` on the substring, so
 * the result is identical to `Number(text)`. Only decimal numbers are numbers here: `Number()` also reads `0x10`
 * as 16, `0b1`, `0o7`, `Infinity` and `""` (as 0), and a price file holding those is broken, not hexadecimal;
 * they give NaN, which the CSV reader reports as "not a decimal number".
 */

/** Optional sign, digits with an optional decimal point (at least one digit), optional exponent. */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

export function parseNumber(s: string, from: number, to: number): number {
  let i = from;
  let neg = false;
  const first = s.charCodeAt(i);
  if (first === 45 /* - */) {
    neg = true;
    i++;
  } else if (first === 43 /* + */) i++;
  let mant = 0;
  let digits = 0;
  let scale = -1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (mant !== 0 || c !== 48) digits++;
      mant = mant * 10 + (c - 48);
      if (scale >= 0) scale++;
    } else if (c === 46 /* . */ && scale < 0) {
      scale = 0;
    } else {
      return slow(s, from, to);
    }
  }
  if (digits > 15 || scale > 16) return slow(s, from, to);
  const noDigits = i - from - (neg || first === 43 ? 1 : 0) - (scale >= 0 ? 1 : 0) === 0;
  if (noDigits) return slow(s, from, to);
  const v = scale > 0 ? mant / POW10[scale]! : mant;
  return neg ? -v : v;
}

function slow(s: string, from: number, to: number): number {
  const text = s.slice(from, to);
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}
