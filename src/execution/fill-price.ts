/**
 * @module execution/fill-price
 * The fill rule of a market order: an order decided at the open of bar t fills at open[t], moved against the trader by
 * `slippage_bps`. Buys pay more, sells receive less, so slippage is always a cost and never a gift.
 */

/** open x (1 + bps/1e4) for a buy (side +1), open x (1 - bps/1e4) for a sell (side -1). */
export function fillPrice(open: number, side: number, slippageBps: number): number {
  return side > 0 ? open * (1 + slippageBps / 1e4) : open * (1 - slippageBps / 1e4);
}
