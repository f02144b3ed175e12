/**
 * @module metrics/returns/cagr
 * Compound annual growth rate: the constant yearly rate that turns the initial cash into the final equity over
 * the span of the data. Below a day the exponent 1/years explodes (10% in an hour is 10^383 a year), so short
 * runs get null instead of a meaningless number.
 */
import { MS_PER_DAY, MS_PER_YEAR } from "../../core/timeframe.js";
import { finiteOrNull } from "../finite-or-null.js";

/** One day in years: the shortest span CAGR is reported for. */
export const MIN_CAGR_YEARS = MS_PER_DAY / MS_PER_YEAR;

/**
 * `(1 + totalReturn)^(1 / years) - 1`.
 * Edge cases: null when `years` is under one day (including one bar), when the final equity is negative
 * (`1 + totalReturn < 0`: no compound rate loses more than everything) and when the result overflows; a final
 * equity of exactly 0 gives -1.
 */
export function cagr(totalReturn: number, years: number): number | null {
  const growth = 1 + totalReturn;
  if (!(years >= MIN_CAGR_YEARS) || growth < 0) return null;
  return finiteOrNull(growth ** (1 / years) - 1);
}
