/**
 * @module engine/require-volume
 * A series whose source has no volume (a CSV without a volume column) carries volume NaN. Indicators that read
 * volume (`obv`, `price` with `field: "volume"`, or any user indicator doing so) then produce NaN where their
 * contract promises values; rather than let a strategy trade on that, the run stops with DATA_INVALID naming the
 * indicator. Detected from the outputs themselves (an output still undefined at the last bar, although the series
 * is longer than its lookback), so no indicator has to declare what it reads.
 */
import type { Candles } from "../core/candles.js";
import { quote, StudioError } from "../core/errors.js";
import type { FeatureSet } from "../indicators/features/feature-set.js";
import type { ResolvedIndicator } from "../indicators/features/resolve-indicator.js";

export function assertVolumeAvailable(
  candles: Candles,
  indicators: readonly ResolvedIndicator[],
  features: FeatureSet,
): void {
  const n = candles.ts.length;
  if (n === 0 || !Number.isNaN(candles.volume[0]!)) return;
  for (const column of features.columns) {
    if (!Number.isNaN(column.raw[n - 1]!)) continue;
    const def = indicators.find((r) => r.def.name === column.indicator)?.def;
    if (def && def.lookback(column.params as never) >= n) continue;
    throw new StudioError(
      "DATA_INVALID",
      `indicator ${quote(column.indicator)} (${column.name}) reads volume, which this data does not have (its source has no volume column); drop the indicator or use data with volume`,
      { indicator: column.indicator, column: column.name },
    );
  }
}
