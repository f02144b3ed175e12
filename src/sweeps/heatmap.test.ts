import { describe, expect, it } from "vitest";
import { heatmapName, heatmapPairs, renderHeatmap } from "./heatmap.js";

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
