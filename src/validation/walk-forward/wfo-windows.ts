/**
 * @module validation/walk-forward/wfo-windows
 * Walk-forward window geometry (docs/validation.md, Walk-forward). Out-of-sample segments are contiguous and never overlap,
 * so stitching them gives one honest out-of-sample equity curve.
 * - Lengths: L_oos = floor(T / (W + f/(1-f))), L_is = floor(L_oos · f/(1-f)), each computed with a 1e-9
 *   tolerance so ratios such as f = 0.8 (4.000000000000001 in binary) give the intended lengths.
 * - Rolling: segment k has IS [k·L_oos, k·L_oos + L_is) and OOS [k·L_oos + L_is, (k+1)·L_oos + L_is).
 * - Anchored: IS [0, L_is + k·L_oos), the same OOS ranges.
 * - The bars left over by the floors (fewer than W + f/(1-f) of them) are appended to the last OOS segment, so
 *   the walk-forward covers the series to its last bar.
 * INSUFFICIENT_DATA when an OOS segment would be empty or an IS segment shorter than 2 bars.
 */
import { StudioError } from "../../core/errors.js";

export interface WfoWindow {
  readonly isStart: number;
  readonly isEnd: number;
  readonly oosStart: number;
  readonly oosEnd: number;
}

export function wfoWindows(
  t: number,
  windows: number,
  inSampleRatio: number,
  anchored: boolean,
): WfoWindow[] {
  if (!Number.isInteger(windows) || windows < 1 || !(inSampleRatio > 0 && inSampleRatio < 1)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `walk-forward: bad windows ${windows} / in-sample ratio ${inSampleRatio}`,
    );
  }
  const ratio = inSampleRatio / (1 - inSampleRatio);
  const lOos = Math.floor(t / (windows + ratio) + 1e-9);
  const lIs = Math.floor(lOos * ratio + 1e-9);
  if (lOos < 1 || lIs < 2) {
    throw new StudioError(
      "INSUFFICIENT_DATA",
      `walk-forward: ${t} bars give ${windows} windows of ${lIs} in-sample and ${lOos} out-of-sample bars; need >= 2 and >= 1`,
      { bars: t, windows, in_sample_bars: lIs, out_sample_bars: lOos },
    );
  }
  const out: WfoWindow[] = [];
  for (let k = 0; k < windows; k++) {
    const oosStart = lIs + k * lOos;
    out.push({
      isStart: anchored ? 0 : k * lOos,
      isEnd: oosStart,
      oosStart,
      oosEnd: k === windows - 1 ? t : oosStart + lOos,
    });
  }
  return out;
}
