/**
 * @module validation/resampling/optimal-block-length
 * Automatic block length for the block bootstraps: Politis & White (2004) with the correction of Patton,
 * Politis & White (2009), following the recipe of arch's `optimal_block_length` step for step so results can be
 * checked against it. Too short a block destroys the serial dependence of strategy returns (a CI that is too
 * narrow); too long a block leaves too few distinct resamples.
 * @see Politis & White (2004), Econometric Reviews 23(1):53-70; Patton, Politis & White (2009), Econometric
 * Reviews 28(4):372-375; bashtage/arch `arch/bootstrap/base.py` `_single_optimal_block`.
 */
import { StudioError } from "../../core/errors.js";

export interface OptimalBlockLength {
  /** Expected block length of the stationary bootstrap (real-valued). */
  readonly stationary: number;
  /** Block length of the circular block bootstrap (real-valued; callers round up to an integer >= 1). */
  readonly circular: number;
}

/**
 * Steps (ε = x - mean, n = length):
 * 1. γ̂ₖ = Σ_{t>=k} εₜεₜ₋ₖ / n; |ρ̂ₖ| = |Σ εₜεₜ₋ₖ| / sqrt(Σ_{t>k} εₜ² · Σ_{t<n-k-1} εₜ²) (arch's normalization).
 * 2. Kₙ = max(5, floor(log10 n)), m_max = ceil(sqrt n) + Kₙ, b_max = ceil(min(3 sqrt n, n/3)), c = 2 sqrt(log10 n / n).
 * 3. m̂ = the first lag starting a run of Kₙ lags with |ρ̂| < c (lag 0 is in the scanned window, so m̂ >= 1);
 *    M = min(2·max(m̂, 1), m_max), or m_max when no such run exists.
 * 4. Flat-top weights λ(s) = 1 for s <= 1/2, 2(1 - s) above; G = 2 Σ_{k=1..M} λ(k/M)·k·γ̂ₖ;
 *    σ̂² = γ̂₀ + 2 Σ_{k=1..M} λ(k/M)·γ̂ₖ.
 * 5. b = (2G² / D)^(1/3)·n^(1/3) with D = 2σ̂⁴ (stationary) or (4/3)σ̂⁴ (circular, the 2009 correction), capped at b_max.
 * A constant series has no dependence to preserve: both lengths are 1. Fewer than 2 values: INSUFFICIENT_DATA.
 */
export function optimalBlockLength(returns: ArrayLike<number>): OptimalBlockLength {
  const n = returns.length;
  if (n < 2) throw new StudioError("INSUFFICIENT_DATA", `optimal block length needs >= 2 returns, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i]!;
  const mu = sum / n;
  const eps = new Float64Array(n);
  // cumSq[k] = Σ_{t<k} εₜ², so both partial sums of squares of step 1 are differences.
  const cumSq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    eps[i] = returns[i]! - mu;
    cumSq[i + 1] = cumSq[i]! + eps[i]! * eps[i]!;
  }
  if (cumSq[n] === 0) return { stationary: 1, circular: 1 };

  const bMax = Math.ceil(Math.min(3 * Math.sqrt(n), n / 3));
  const kn = Math.max(5, Math.floor(Math.log10(n)));
  const mMax = Math.ceil(Math.sqrt(n)) + kn;
  const cv = 2 * Math.sqrt(Math.log10(n) / n);
  const acv = new Float64Array(mMax + 1);
  const absCorr = new Float64Array(mMax + 1);
  const cross = (lag: number): number => {
    let s = 0;
    for (let t = lag; t < n; t++) s += eps[t]! * eps[t - lag]!;
    return s;
  };

  let optM = -1;
  let computed = 0;
  for (let i = 0; i <= mMax && optM < 0; i++, computed++) {
    const c = cross(i);
    acv[i] = c / n;
    const v1 = i + 1 < n ? cumSq[n]! - cumSq[i + 1]! : 0;
    const v2 = n - i - 1 > 0 ? cumSq[n - i - 1]! : 0;
    absCorr[i] = Math.abs(c) / Math.sqrt(v1 * v2);
    if (i >= kn) {
      let quiet = true;
      for (let k = i - kn; k < i && quiet; k++) quiet = absCorr[k]! < cv;
      if (quiet) optM = i - kn;
    }
  }
  const m = Math.min(optM >= 0 ? 2 * Math.max(optM, 1) : mMax, mMax);
  // The scan stops at the first quiet run; lags up to m it did not reach are computed now.
  for (let i = computed; i <= m; i++) acv[i] = cross(i) / n;

  let g = 0;
  let lrAcv = acv[0]!;
  for (let k = 1; k <= m; k++) {
    const lam = k / m <= 0.5 ? 1 : 2 * (1 - k / m);
    g += 2 * lam * k * acv[k]!;
    lrAcv += 2 * lam * acv[k]!;
  }
  const scale = Math.cbrt(n);
  const stationary = Math.cbrt((2 * g * g) / (2 * lrAcv * lrAcv)) * scale;
  const circular = Math.cbrt((2 * g * g) / ((4 / 3) * lrAcv * lrAcv)) * scale;
  return { stationary: Math.min(stationary, bMax), circular: Math.min(circular, bMax) };
}
