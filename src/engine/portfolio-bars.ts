/**
 * @module engine/portfolio-bars
 * Assembles the portfolio bars (docs/architecture.md#run-folders-and-manifests). The loop writes position and equity; ts and priceRef are the candles' own
 * ts and close columns (views, not copies); cash, market value, cumulative fees and unrealized P&L are derived
 * on first access (see derived-columns and define-lazy), each on its own, so a consumer pays only for the
 * columns it reads.
 */
import type { Candles } from "../core/candles.js";
import type { Fills, PortfolioBars } from "../core/results.js";
import { defineLazy } from "./define-lazy.js";
import { cashColumn, feesCumColumn, marketValueColumn, pnlUnrealizedColumn } from "./derived-columns.js";
import type { FillBookState } from "./fill-log.js";

export interface PortfolioInputs {
  readonly candles: Candles;
  /** Written by the loop. */
  readonly positionQty: Float64Array;
  readonly equity: Float64Array;
  readonly fills: Fills;
  readonly state: FillBookState;
  readonly initialCash: number;
  /** borrowRatePerMs(borrow_bps). */
  readonly borrowRate: number;
  readonly intervalMs: number;
}

export function portfolioBars(p: PortfolioInputs): PortfolioBars {
  const { candles, positionQty, fills, state } = p;
  const close = candles.close;
  const bars = { ts: candles.ts, positionQty, priceRef: close, equity: p.equity };
  return defineLazy(bars, {
    cash: () => cashColumn(candles, positionQty, fills, state, p.initialCash, p.borrowRate, p.intervalMs),
    marketValue: () => marketValueColumn(positionQty, close),
    feesCum: () => feesCumColumn(positionQty.length, fills, state),
    pnlUnrealized: () => pnlUnrealizedColumn(positionQty, close, fills, state),
  });
}
