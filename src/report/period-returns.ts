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
  // Bars are strictly increasing, so a month ends at the last bar before the next month's first instant: one
  // Date per month, not per bar (a million-bar report spent over 100 ms here).
  let i = 0;
  while (i < n) {
    const d = new Date(ts[i]!);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const monthEnd = Date.UTC(y, m + 1, 1);
    let j = i;
    while (j + 1 < n && ts[j + 1]! < monthEnd) j++;
    const e = equity[j]!;
    monthly.push({ year: y, month: m + 1, ret: e / monthBase - 1 });
    monthBase = e;
    if (j + 1 >= n || ts[j + 1]! >= Date.UTC(y + 1, 0, 1)) {
      yearly.push({ year: y, ret: e / yearBase - 1 });
      yearBase = e;
    }
    i = j + 1;
  }
  return { monthly, yearly };
}
