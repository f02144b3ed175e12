import { describe, expect, it } from "vitest";
import { heatmapName, renderHeatmap } from "./heatmap.js";
import { heatmapGrid, heatmapPairs } from "./plan/heatmap-grid.js";

const dims = [
  { path: "strategy.params.fast", values: [5, 10, 20] },
  { path: "strategy.params.allow_short", values: [true, false] },
  { path: "strategy.params.slow", values: [50, 100] },
  { path: "execution.slippage_bps", values: [1] },
];

describe("heatmaps", () => {
  it("pairs only numeric dimensions with at least two values", () => {
    expect(heatmapPairs(dims)).toEqual([[0, 2]]);
    expect(heatmapName(dims, 0, 2)).toBe("heatmap__strategy.params.fast__strategy.params.slow.png");
  });

  it("keeps each pair's best objective over the other dimensions and leaves non-finite cells out", () => {
    const cells = [
      { cell: [0, 0, 0, 0], objective: 1 },
      { cell: [0, 1, 0, 0], objective: 3 },
      { cell: [0, 0, 0, 1], objective: 2 },
      { cell: [2, 0, 1, 0], objective: Number.NEGATIVE_INFINITY },
      { cell: [1, 1, 1, 0], objective: -0.5 },
    ];
    expect(
      heatmapGrid(0, 2, cells),
      "(fast 5, slow 50) is max(1, 3, 2); (20, 100) never had a finite one",
    ).toEqual([
      [0, 0, 3],
      [1, 1, -0.5],
    ]);
  });

  it("renders a PNG, the same bytes twice", () => {
    const cells = [
      { cell: [0, 0, 0, 0], objective: 1 },
      { cell: [0, 1, 0, 0], objective: 2 },
      { cell: [2, 0, 1, 0], objective: Number.NEGATIVE_INFINITY },
    ];
    const a = renderHeatmap(dims, 0, 2, cells, [0, 1, 0, 0], "sharpe");
    const b = renderHeatmap(dims, 0, 2, cells, [0, 1, 0, 0], "sharpe");
    expect(Buffer.from(a.subarray(1, 4)).toString("latin1"), "PNG signature").toBe("PNG");
    expect(Buffer.from(a).equals(Buffer.from(b)), "deterministic bytes").toBe(true);
  });
});
