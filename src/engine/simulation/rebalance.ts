/**
 * @module engine/simulation/rebalance
 * What the engine does at the open of a bar whose target differs from the one last acted on. The position's
 * sign is always the last acted target's sign or 0, so there are four cases:
 * 1. target 0: close the whole position;
 * 2. sign change: close the whole position (one fill), then enter from the equity after the close (a second);
 * 3. from flat: enter; a quantity that rounds to 0 is skipped and reported;
 * 4. same sign, new magnitude: re-size and trade the difference (one fill).
 * Sizing marks equity at the price the trade would fill at. For a re-size that price depends on the trade's
 * direction, so it sizes at the adding side's price first and, if that says "reduce", again at the reducing
 * side's price; if the two disagree (the slippage band straddles the current size) the position is kept.
 */
import { StudioError } from "../../core/errors.js";
import { REASON_SIGNAL } from "../../core/results.js";
import { fillPrice } from "../../execution/fill-price.js";
import type { Book } from "./book.js";
import type { Sizer } from "./sizer.js";

/** Acts on `target` at bar `bar`; returns 1 if an entry was skipped because it sized to 0, else 0. */
export function rebalance(
  book: Book,
  sizer: Sizer,
  bar: number,
  ts: number,
  open: number,
  target: number,
  slippageBps: number,
): number {
  if (!Number.isFinite(target)) {
    throw new StudioError("INTERNAL", `simulate: target[${bar}] is ${target}; targets must be finite or NaN`);
  }
  const want = target > 0 ? 1 : target < 0 ? -1 : 0;
  const have = book.position > 0 ? 1 : book.position < 0 ? -1 : 0;
  if (have !== 0 && have !== want) {
    book.trade({
      bar,
      ts,
      delta: -book.position,
      price: fillPrice(open, -have, slippageBps),
      ref: open,
      reason: REASON_SIGNAL,
    });
  }
  if (want === 0) return 0;

  const exposure = Math.abs(target);
  const held = Math.abs(book.position);
  const addPrice = fillPrice(open, want, slippageBps);
  const sized = sizer.quantity(book.cash + book.position * addPrice, addPrice, exposure);
  if (held === 0) {
    if (sized === 0) return 1;
    book.trade({ bar, ts, delta: want * sized, price: addPrice, ref: open, reason: REASON_SIGNAL });
    return 0;
  }
  if (sized > held) {
    book.trade({ bar, ts, delta: want * (sized - held), price: addPrice, ref: open, reason: REASON_SIGNAL });
    return 0;
  }
  if (sized === held) return 0;

  const cutPrice = fillPrice(open, -want, slippageBps);
  const resized = sizer.quantity(book.cash + book.position * cutPrice, cutPrice, exposure);
  if (resized >= held) return 0;
  const delta = resized === 0 ? -book.position : -want * (held - resized);
  book.trade({ bar, ts, delta, price: cutPrice, ref: open, reason: REASON_SIGNAL });
  return 0;
}
