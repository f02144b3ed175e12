/**
 * @module execution/stop-fill-price
 * The fill rule of a stop (a stop-loss or trailing stop): a market order triggered when the price trades through
 * the stop level. It fills at the level, or at the open when the bar opened beyond it (a gap: no trade happened at
 * the level), and then slippage moves it against the trader like every market order.
 */
import { fillPrice } from "./fill-price.js";

/** The price the stop triggers at: a sell stop (side -1, closing a long) at min(stop, open), a buy stop at max. */
export function stopTriggerPrice(stop: number, open: number, side: number): number {
  return side < 0 ? Math.min(stop, open) : Math.max(stop, open);
}

/** stopTriggerPrice moved by slippage: a long's stop sells at min(stop, open) x (1 - bps/1e4). */
export function stopFillPrice(stop: number, open: number, side: number, slippageBps: number): number {
  return fillPrice(stopTriggerPrice(stop, open, side), side, slippageBps);
}
