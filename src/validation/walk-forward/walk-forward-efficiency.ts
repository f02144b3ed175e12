/**
 * @module validation/walk-forward/walk-forward-efficiency
 * Pardo's walk-forward efficiency: annualized out-of-sample return over annualized in-sample return. Annualizing
 * matters because in-sample and out-of-sample lengths differ. It is descriptive only; it is undefined (null) when
 * the in-sample return is not positive, rather than a sign-flipped ratio.
 * @see Pardo (2008), "The Evaluation and Optimization of Trading Strategies", 2nd ed., walk-forward analysis.
 */

/** (1 + R)^(barsPerYear / bars) - 1; NaN for bars <= 0 or R < -1. */
export function annualizedReturn(totalReturn: number, bars: number, barsPerYear: number): number {
  if (!(bars > 0) || !(totalReturn >= -1)) return Number.NaN;
  return (1 + totalReturn) ** (barsPerYear / bars) - 1;
}

/** oos / is of two annualized returns; null unless the in-sample one is positive and both are finite. */
export function walkForwardEfficiency(oosAnnualized: number, isAnnualized: number): number | null {
  if (!(isAnnualized > 0) || !Number.isFinite(isAnnualized) || !Number.isFinite(oosAnnualized)) return null;
  const wfe = oosAnnualized / isAnnualized;
  return Number.isFinite(wfe) ? wfe : null;
}
