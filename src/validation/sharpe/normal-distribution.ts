/**
 * @module validation/sharpe/normal-distribution
 * The standard normal CDF and its inverse, which every Sharpe-ratio inference (PSR, DSR, MinTRL) rests on. Both
 * are rational approximations accurate to about 1e-15 relative, far below the 1e-9 the statistics need, and both
 * keep full relative precision in the far tails (a DSR of 1 - 1e-12 must not round to 1 through cancellation).
 */
// biome-ignore-all lint/correctness/noPrecisionLoss: the coefficients keep the digits their papers print.

// Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp. 23(107):631-637, in the
// three-interval form of his SPECFUN routine ANORM; the coefficients are the published ones.
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
];
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
];
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = Math.sqrt(32);

/** exp(-y²/2) with y split at a multiple of 1/16, so the square does not lose the low bits of y. */
function gaussianFactor(y: number): number {
  const ys = Math.trunc(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  return Math.exp(-ys * ys * 0.5) * Math.exp(-del * 0.5);
}

/** Φ(x) = P(Z <= x) for a standard normal Z. NaN in, NaN out. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0;
    let num = A[4]! * xsq;
    let den = xsq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * xsq;
      den = (den + B[i]!) * xsq;
    }
    return 0.5 + (x * (num + A[3]!)) / (den + B[3]!);
  }
  let upperTail: number;
  if (y <= SQRT_32) {
    let num = C[8]! * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    upperTail = (gaussianFactor(y) * (num + C[7]!)) / (den + D[7]!);
  } else if (y < 38) {
    const xsq = 1 / (y * y);
    let num = P[5]! * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * xsq;
      den = (den + Q[i]!) * xsq;
    }
    const r = (xsq * (num + P[4]!)) / (den + Q[4]!);
    upperTail = (gaussianFactor(y) * (INV_SQRT_2PI - r)) / y;
  } else {
    upperTail = 0;
  }
  return x > 0 ? 1 - upperTail : upperTail;
}

// Wichura (1988), "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics
// 37(3):477-484, PPND16; coefficients as published, lowest order first.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function horner(c: readonly number[], x: number): number {
  let v = c[c.length - 1]!;
  for (let i = c.length - 2; i >= 0; i--) v = v * x + c[i]!;
  return v;
}

/** Φ⁻¹(p): the z with Φ(z) = p. -Infinity at 0, +Infinity at 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(AS241_A, r)) / horner(AS241_B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = horner(AS241_C, r) / horner(AS241_D, r);
  } else {
    r -= 5;
    z = horner(AS241_E, r) / horner(AS241_F, r);
  }
  return q < 0 ? -z : z;
}
