/**
 * @module runs/plots/plot-scale
 * Makes any finite series drawable. An echarts value axis needs a positive span whose tick step has at most about
 * 20 decimals: a panel of denormal equity (5e-324 after a ruinous run) or of values near 1e-25 throws inside
 * echarts, and magnitudes near the top of the double range overflow its extent. So each panel is drawn in a
 * power-of-ten unit: when its largest magnitude lies outside [1e-6, 1e15) the values are divided by 10^e, which
 * brings the largest into [1, 10), and the panel's title says "(x 1e{e})". Magnitudes below 1e-300, which no unit
 * brings back into view, are drawn as 0. Constant series, a single bar and an empty series need nothing here:
 * echarts pads a zero span itself once the magnitude is in range.
 */
import type { XYPoints } from "./plot-downsample.js";

/** Magnitudes below this are drawn as 0 (denormals and their neighbours). */
export const FLUSH_BELOW = 1e-300;
/** Panels whose largest magnitude is in [MIN_PLAIN, MAX_PLAIN) are drawn in their own unit. */
const MIN_PLAIN = 1e-6;
const MAX_PLAIN = 1e15;

export interface PanelUnit {
  /** Drawn value = value x factor. */
  readonly factor: number;
  /** Appended to the panel title: "" or " (× 1e-25)". */
  readonly suffix: string;
}

/** The unit of a panel holding these series (each value multiplied by `scale` first, e.g. 100 for percent). */
export function panelUnit(series: readonly (XYPoints | undefined)[], scale = 1): PanelUnit {
  let maxAbs = 0;
  for (const s of series) {
    if (s === undefined) continue;
    for (let i = 0; i < s.y.length; i++) {
      const a = Math.abs(s.y[i]! * scale);
      if (a >= FLUSH_BELOW && a < Number.POSITIVE_INFINITY && a > maxAbs) maxAbs = a;
    }
  }
  if (maxAbs === 0 || (maxAbs >= MIN_PLAIN && maxAbs < MAX_PLAIN)) return { factor: 1, suffix: "" };
  let e = Math.floor(Math.log10(maxAbs));
  // log10 can land one off at exact powers of ten; correct so the largest value scales into [1, 10).
  if (maxAbs / 10 ** e >= 10) e += 1;
  else if (maxAbs / 10 ** e < 1) e -= 1;
  // Parsing "1e-e" is exact where 10 ** -e may not be, and stays finite for every e in [-300, 308].
  return { factor: Number(`1e${-e}`), suffix: ` (× 1e${e})` };
}

/** `[x, y x scale x factor]` pairs for echarts, with magnitudes below FLUSH_BELOW drawn as 0. */
export function drawablePairs(p: XYPoints, unit: PanelUnit, scale = 1): [number, number][] {
  return Array.from(p.x, (x, i) => {
    const v = p.y[i]! * scale;
    return [x, Math.abs(v) < FLUSH_BELOW ? 0 : v * unit.factor];
  });
}
