/**
 * @module strategies/crossover-signal
 * The event rule shared by the moving-average crossovers, on *shifted* features. A bullish cross at bar t is
 * `fast[t-1] < slow[t-1] && fast[t] > slow[t]` (strict on both bars, so touching is not crossing); a bearish
 * cross mirrors it. A bullish cross targets +1; a bearish cross targets 0, or -1 when shorts are allowed. The
 * target holds between crosses and is 0 before the first one; NaN never compares true, so warm-up bars never
 * cross.
 */

export function crossoverSignal(
  fast: Float64Array,
  slow: Float64Array,
  allowShort: boolean,
  out: Float64Array,
): void {
  const n = out.length;
  if (n === 0) return;
  const bearish = allowShort ? -1 : 0;
  let target = 0;
  let prevFast = fast[0]!;
  let prevSlow = slow[0]!;
  out[0] = 0;
  for (let t = 1; t < n; t++) {
    const f = fast[t]!;
    const s = slow[t]!;
    if (prevFast < prevSlow && f > s) target = 1;
    else if (prevFast > prevSlow && f < s) target = bearish;
    out[t] = target;
    prevFast = f;
    prevSlow = s;
  }
}
