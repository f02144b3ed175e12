import { describe, expect, it } from "vitest";
import type { Fills } from "../../core/results.js";
import { exposedBars, positionColumn } from "./derived-columns.js";
import type { FillBookState } from "./fill-log.js";

/** Fills at `bars` whose book position after each is `after` (only what the two functions read). */
function log(bars: number[], after: number[]): { fills: Fills; state: FillBookState } {
  const fills = { length: bars.length, barIndex: Int32Array.from(bars) } as unknown as Fills;
  const state = { positionAfter: Float64Array.from(after) } as unknown as FillBookState;
  return { fills, state };
}

describe("positionColumn and exposedBars", () => {
  // 8 bars: flat, flat, long 3 from bar 2, a reversal at bar 4 (close, then short 2: the bar's last fill
  // counts), flat again from bar 6.
  const { fills, state } = log([2, 4, 4, 6], [3, 0, -2, 0]);

  it("carries the position after each bar's last fill forward", () => {
    expect(Array.from(positionColumn(8, fills, state))).toEqual([0, 0, 3, 3, -2, -2, 0, 0]);
  });

  it("counts the bars whose position is non-zero: bars 2 to 5", () => {
    expect(exposedBars(8, fills, state)).toBe(4);
  });

  it("counts a position still open at the last bar up to the end", () => {
    // long from bar 1 of 5: bars 1, 2, 3, 4
    const open = log([1], [7]);
    expect(exposedBars(5, open.fills, open.state)).toBe(4);
    expect(Array.from(positionColumn(5, open.fills, open.state))).toEqual([0, 7, 7, 7, 7]);
  });

  it("counts no bar for a position opened and closed inside one bar, or with no fills", () => {
    // an entry at bar 2's open stopped out inside bar 2: flat at every close
    const inBar = log([2, 2], [5, 0]);
    expect(exposedBars(4, inBar.fills, inBar.state)).toBe(0);
    const none = log([], []);
    expect(exposedBars(3, none.fills, none.state)).toBe(0);
    expect(Array.from(positionColumn(3, none.fills, none.state))).toEqual([0, 0, 0]);
  });
});
