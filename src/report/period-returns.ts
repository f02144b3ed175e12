/**
 * @module report/period-returns
 * Returns by calendar month and by year (UTC) from the equity curve: each period's last equity over the previous
 * period's last equity (the first period starts from the initial equity, the cash before the first bar), minus 1.
 * Periods compound to the total return, which is how a reader checks the heatmap against the metrics.
 */

export interface PeriodReturn {
  readonly year: number;
  /** 1..12; absent for a yearly return. */
  readonly month?: number;
  readonly ret: number;
}

export interface PeriodReturns {
  readonly monthly: PeriodReturn[];
  readonly yearly: PeriodReturn[];
}

export function periodReturns(ts: Float64Array, equity: Float64Array, initialEquity: number): PeriodReturns {
  const monthly: PeriodReturn[] = [];
  const yearly: PeriodReturn[] = [];
  const n = ts.length;
  if (n === 0) return { monthly, yearly };
  let monthBase = initialEquity;
  let yearBase = initialEquity;
  for (let i = 0; i < n; i++) {
    const d = new Date(ts[i]!);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const next = i + 1 < n ? new Date(ts[i + 1]!) : undefined;
    const monthEnds = !next || next.getUTCMonth() !== m || next.getUTCFullYear() !== y;
    if (!monthEnds) continue;
    const e = equity[i]!;
    monthly.push({ year: y, month: m + 1, ret: e / monthBase - 1 });
    monthBase = e;
    if (!next || next.getUTCFullYear() !== y) {
      yearly.push({ year: y, ret: e / yearBase - 1 });
      yearBase = e;
    }
  }
  return { monthly, yearly };
}
