/**
 * @module validation/sharpe/moments
 * Sample moments with their estimators stated, because PSR/DSR depend on them and the usual libraries disagree
 * (pandas' `.kurt()` is bias-corrected *excess* kurtosis, scipy's default is the biased moment ratio).
 * - `stdev(x, ddof)`: sqrt(Σ(x - mean)² / (n - ddof)).
 * - `skewness`: the population moment ratio g1 = m3 / m2^(3/2), mᵢ = Σ(x - mean)ⁱ / n (scipy.stats.skew, bias=True).
 * - `kurtosis`: the population moment ratio b2 = m4 / m2², **non-excess** (normal = 3; scipy.stats.kurtosis with
 *   fisher=False, bias=True).
 * Undefined cases (too few values, zero variance) return NaN; callers map that to null at the JSON edge.
 */

export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  return s / n;
}

/**
 * Standard deviation with `ddof` delta degrees of freedom (1 = sample, 0 = population), around `m`, which a
 * caller that already has `mean(x)` passes to save a pass over the data.
 */
export function stdev(x: ArrayLike<number>, ddof: number, m: number = mean(x)): number {
  const n = x.length;
  if (n - ddof <= 0) return Number.NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - ddof));
}

function centralMoments(x: ArrayLike<number>): { m2: number; m3: number; m4: number } {
  const n = x.length;
  const m = mean(x);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return { m2: m2 / n, m3: m3 / n, m4: m4 / n };
}

/** Population skewness g1 = m3 / m2^1.5; NaN for fewer than 2 values or zero variance. */
export function skewness(x: ArrayLike<number>): number {
  if (x.length < 2) return Number.NaN;
  const { m2, m3 } = centralMoments(x);
  return m2 > 0 ? m3 / m2 ** 1.5 : Number.NaN;
}

/** Population non-excess kurtosis b2 = m4 / m2² (normal = 3); NaN for fewer than 2 values or zero variance. */
export function kurtosis(x: ArrayLike<number>): number {
  if (x.length < 2) return Number.NaN;
  const { m2, m4 } = centralMoments(x);
  return m2 > 0 ? m4 / (m2 * m2) : Number.NaN;
}
