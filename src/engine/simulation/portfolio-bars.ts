/**
 * @module engine/simulation/portfolio-bars
 * Assembles the portfolio bars (docs/architecture.md#run-folders-and-manifests). The loop writes only equity; ts
 * and priceRef are the candles' own ts and close columns (views, not copies); position, cash, market value,
 * cumulative fees and unrealized P&L are derived on first access from the fill log (see derived-columns and
 * define-lazy), each on its own, so a consumer pays only for the columns it reads: metrics read equity alone.
 */
import type { Candles } from "../../core/candles.js";
import type { Fills, PortfolioBars } from "../../core/results.js";
import { defineLazy } from "../define-lazy.js";
import {
  cashColumn,
  feesCumColumn,
  marketValueColumn,
  pnlUnrealizedColumn,
  positionColumn,
} from "./derived-columns.js";
import type { FillBookState } from "./fill-log.js";

export interface PortfolioInputs {
  readonly candles: Candles;
  /** Written by the loop. */
  readonly equity: Float64Array;
  readonly fills: Fills;
  readonly state: FillBookState;
  readonly initialCash: number;
  /** borrowRatePerMs(borrow_bps). */
  readonly borrowRate: number;
  readonly intervalMs: number;
}

export function portfolioBars(p: PortfolioInputs): PortfolioBars {
  const { candles, fills, state } = p;
  const close = candles.close;
  const n = p.equity.length;
  const bars = defineLazy({ ts: candles.ts }, { positionQty: () => positionColumn(n, fills, state) });
  const position = () => bars.positionQty;
  return defineLazy(Object.assign(bars, { priceRef: close, equity: p.equity }), {
    cash: () => cashColumn(candles, position(), fills, state, p.initialCash, p.borrowRate, p.intervalMs),
    marketValue: () => marketValueColumn(position(), close),
    feesCum: () => feesCumColumn(n, fills, state),
    pnlUnrealized: () => pnlUnrealizedColumn(position(), close, fills, state),
  });
}
