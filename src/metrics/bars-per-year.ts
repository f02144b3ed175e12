/**
 * @module metrics/bars-per-year
 * Annualization from the data itself rather than from the timeframe's nominal length: the observed bars per
 * year, `(bars - 1) / years` with `years = (last ts - first ts) / 365.25 days`. Observed bars per year is right
 * for markets that close (weekends, nights, gaps) where a nominal 525,960 one-minute bars per year would inflate
 * every annualized number. This is the definition of docs/architecture.md#metrics.
 */
import { MS_PER_YEAR } from "../core/timeframe.js";

/** Years between the first and the last bar open time (365.25-day years); 0 with fewer than two bars. */
export function yearsSpanned(ts: Float64Array): number {
  const n = ts.length;
  return n < 2 ? 0 : (ts[n - 1]! - ts[0]!) / MS_PER_YEAR;
}

/**
 * Observed bars per year, `(bars - 1) / years`.
 * Edge cases: null when the series spans no time (fewer than two bars, or equal first and last timestamps),
 * because nothing can be annualized from a zero-length span.
 */
export function barsPerYear(ts: Float64Array): number | null {
  const years = yearsSpanned(ts);
  return years > 0 ? (ts.length - 1) / years : null;
}
