/**
 * @module engine/fill-capacity
 * An upper bound on the number of fills, from one cheap pass over the targets, so the fill columns are allocated
 * once and small: a typical strategy changes target a few thousand times in a million bars, and allocating 2n
 * rows per column would cost more than the whole bar loop.
 */
import { StudioError } from "../core/errors.js";

/**
 * Each target change (NaN = 0) from `startIndex` on makes at most one fill, and a sign change between two
 * non-zero targets at most two (close, then open): the position's sign is always the last acted target's or 0.
 * Throws INTERNAL on an infinite target, which no sizing can honour.
 */
export function fillCapacity(target: Float64Array, startIndex: number): number {
  let acted = 0;
  let bound = 0;
  for (let t = startIndex; t < target.length; t++) {
    const raw = target[t]!;
    const goal = Number.isNaN(raw) ? 0 : raw;
    if (goal === acted) continue;
    if (goal === Number.POSITIVE_INFINITY || goal === Number.NEGATIVE_INFINITY) {
      throw new StudioError("INTERNAL", `simulate: target[${t}] is ${goal}; targets must be finite or NaN`);
    }
    bound += goal * acted < 0 ? 2 : 1;
    acted = goal;
  }
  return bound;
}
