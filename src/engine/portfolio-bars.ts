/**
 * @module engine/portfolio-bars
 * Assembles the spec's portfolio bars. The loop writes position, cash and equity; ts and priceRef are the
 * candles' own ts and close columns (views, not copies). Market value, cumulative fees and unrealized P&L follow
 * from those plus the fill log, and are computed together on first access: a run whose consumers read only the
 * equity curve (metrics, validation loops) never pays for them. Each uses the floating-point operations the
 * book used (position x close; the book's fee total and average entry after each fill), so the values equal
 * what writing them in the loop would have given. The lazy columns are own enumerable getters, so spreading,
 * JSON and structuredClone see them as ordinary properties.
 */
import type { Candles } from "../core/candles.js";
import type { Fills, PortfolioBars } from "../core/results.js";
import type { BarColumns } from "./bar-loop.js";
import type { FillBookState } from "./fill-log.js";

interface DerivedColumns {
  readonly marketValue: Float64Array;
  readonly feesCum: Float64Array;
  readonly pnlUnrealized: Float64Array;
}

export function portfolioBars(
  candles: Candles,
  cols: BarColumns,
  fills: Fills,
  state: FillBookState,
): PortfolioBars {
  let derived: DerivedColumns | undefined;
  const get = (): DerivedColumns => {
    derived ??= deriveColumns(cols.positionQty, candles.close, fills, state);
    return derived;
  };
  const bars = {
    ts: candles.ts,
    positionQty: cols.positionQty,
    priceRef: candles.close,
    cash: cols.cash,
    equity: cols.equity,
  };
  return Object.defineProperties(bars, {
    marketValue: { enumerable: true, get: () => get().marketValue },
    feesCum: { enumerable: true, get: () => get().feesCum },
    pnlUnrealized: { enumerable: true, get: () => get().pnlUnrealized },
  }) as typeof bars & DerivedColumns;
}

/** One pass over the bars, stepping through the fills: the fee total and average entry change only at fills. */
function deriveColumns(
  positionQty: Float64Array,
  close: Float64Array,
  fills: Fills,
  state: FillBookState,
): DerivedColumns {
  const n = positionQty.length;
  const marketValue = new Float64Array(n);
  const feesCum = new Float64Array(n);
  const pnlUnrealized = new Float64Array(n);
  const bars = fills.barIndex;
  let f = 0;
  let fees = 0;
  let avg = 0;
  for (let t = 0; t < n; t++) {
    while (f < fills.length && bars[f]! <= t) {
      fees = state.feesAfter[f]!;
      avg = state.avgEntryAfter[f]!;
      f++;
    }
    const pos = positionQty[t]!;
    const px = close[t]!;
    marketValue[t] = pos * px;
    feesCum[t] = fees;
    pnlUnrealized[t] = pos === 0 ? 0 : (px - avg) * pos;
  }
  return { marketValue, feesCum, pnlUnrealized };
}
