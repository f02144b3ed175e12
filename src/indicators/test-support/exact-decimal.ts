/**
 * Exact arithmetic for indicator tests: decimal strings as BigInt rationals, exact rolling sums, and the
 * correctly rounded (round-half-even) double of a rational, computed without any floating-point step. The
 * reference the rolling-window indicators are checked against, never their own output.
 */

/** A decimal string ("1.10234", "-0.5", "1000000.0001") as numerator / 10^scale. */
export function parseDecimal(text: string): { num: bigint; scale: number } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new Error(`not a plain decimal: ${text}`);
  const frac = m[3] ?? "";
  const num = BigInt(`${m[2] || "0"}${frac}`);
  return { num: m[1] === "-" ? -num : num, scale: frac.length };
}

/** Numerators over one common denominator 10^scale. */
export function commonScale(texts: readonly string[]): { nums: bigint[]; den: bigint } {
  const parsed = texts.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const nums = parsed.map((p) => p.num * 10n ** BigInt(scale - p.scale));
  return { nums, den: 10n ** BigInt(scale) };
}

const bitLength = (x: bigint) => (x === 0n ? 0 : x.toString(2).length);

/** The double nearest to p / q (ties to even), for q > 0 and results in the normal range. */
export function rationalToDouble(p: bigint, q: bigint): number {
  if (q <= 0n) throw new Error("denominator must be positive");
  if (p === 0n) return 0;
  const negative = p < 0n;
  const a = negative ? -p : p;
  // Find k with 2^52 <= floor(a * 2^k / q) < 2^53.
  let k = 53 - (bitLength(a) - bitLength(q));
  const quotient = (shift: number) => {
    const num = shift >= 0 ? a << BigInt(shift) : a;
    const den = shift >= 0 ? q : q << BigInt(-shift);
    return { m: num / den, r: num % den, den };
  };
  let { m, r, den } = quotient(k);
  while (m >= 1n << 53n) ({ m, r, den } = quotient(--k));
  while (m < 1n << 52n) ({ m, r, den } = quotient(++k));
  const twice = 2n * r;
  if (twice > den || (twice === den && (m & 1n) === 1n)) m += 1n;
  if (m === 1n << 53n) {
    m = 1n << 52n;
    k -= 1;
  }
  // m < 2^53 is exact as a double; scaling by a power of two is exact in the normal range.
  let value = Number(m);
  for (let i = 0; i < Math.abs(k); i += 1) value = k > 0 ? value / 2 : value * 2;
  return negative ? -value : value;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** The exact value of a finite double as numerator / 2^1074 (every double is a multiple of 2^-1074). */
export function doubleToScaled(x: number): bigint {
  f64[0] = x;
  const bits = i64[0]!;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const magnitude = mantissa << BigInt(Math.max(exponent, 1) - 1);
  return bits < 0n ? -magnitude : magnitude;
}

/** The common denominator of doubleToScaled. */
export const DOUBLE_SCALE = 1n << 1074n;

/** Distance in ulps between two finite doubles of the same sign. */
export function ulpDistance(a: number, b: number): number {
  f64[0] = a;
  const x = i64[0]!;
  f64[0] = b;
  const y = i64[0]!;
  return Number(x > y ? x - y : y - x);
}

/** Exact window sums sum(nums[t-period+1..t]) for t >= period-1 (undefined before). */
export function exactRollingSums(nums: readonly bigint[], period: number): (bigint | undefined)[] {
  const out: (bigint | undefined)[] = new Array(nums.length).fill(undefined);
  let s = 0n;
  for (let i = 0; i < nums.length; i++) {
    s += nums[i]!;
    if (i >= period) s -= nums[i - period]!;
    if (i >= period - 1) out[i] = s;
  }
  return out;
}
