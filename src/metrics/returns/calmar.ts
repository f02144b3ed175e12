/**
 * @module metrics/returns/calmar
 * Calmar ratio: growth per unit of the worst loss, the ratio trend followers rank by. Computed over the whole run
 * (not the classic trailing 36 months), as backtesting.py and vectorbt do.
 */
import { finiteOrNull } from "../finite-or-null.js";

/**
 * `cagr / |maxDrawdown|`.
 * Edge cases: null when CAGR is null (under a day of data) and when there was no drawdown (maxDrawdown 0).
 */
export function calmar(cagr: number | null, maxDrawdown: number): number | null {
  if (cagr === null || maxDrawdown === 0) return null;
  return finiteOrNull(cagr / Math.abs(maxDrawdown));
}
