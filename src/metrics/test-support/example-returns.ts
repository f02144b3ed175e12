/**
 * @module metrics/test-support/example-returns
 * One hand-worked return series shared by the return-metric tests, with its arithmetic written out once.
 *
 * initialCash 100, equity [110, 104.5, 125.4, 125.4] gives returns
 *   r = [110/100 - 1, 104.5/110 - 1, 125.4/104.5 - 1, 125.4/125.4 - 1] = [0.1, -0.05, 0.2, 0]
 *   mean = (0.1 - 0.05 + 0.2 + 0) / 4 = 0.0625
 *   deviations = [0.0375, -0.1125, 0.1375, -0.0625], squares = [0.00140625, 0.01265625, 0.01890625, 0.00390625]
 *   sum of squares = 0.036875, variance (ddof 1) = 0.036875 / 3, stdev = sqrt(0.036875 / 3) = 0.110867789...
 *   downside deviation = sqrt((0 + 0.05^2 + 0 + 0) / 4) = sqrt(0.000625) = 0.025
 * Daily timestamps: 4 bars over 3 days, bars per year = 3 / (3 / 365.25) = 365.25.
 */
import { dailyTs, f64 } from "./series.js";

export const EXAMPLE = {
  initialCash: 100,
  equity: f64(110, 104.5, 125.4, 125.4),
  ts: dailyTs(4),
  mean: 0.0625,
  stdev: Math.sqrt(0.036875 / 3),
  downsideDeviation: 0.025,
  barsPerYear: 365.25,
} as const;
