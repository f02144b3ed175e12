/**
 * @module sweeps/heatmap
 * Heatmaps of a sweep, one per pair of numeric dimensions: each cell is the best objective over every other
 * dimension (the most optimistic view of that pair, which is what a search would pick), axes labelled with the
 * dimensions' values, the overall best cell marked, cells never run left blank (the cells: plan/heatmap-grid.ts).
 * Drawn as echarts SVG and rasterized like a run's plots (svgToPng), so the bytes are the same on every machine.
 */
import { HeatmapChart, ScatterChart } from "echarts/charts";
import { GridComponent, TitleComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { svgToPng } from "../runs/plots/plot.js";
import { FONT_FAMILY } from "../runs/plots/plot-option.js";
import type { SweepDimension } from "./plan/expand-space.js";
import { type HeatmapCell, heatmapGrid } from "./plan/heatmap-grid.js";

echarts.use([HeatmapChart, ScatterChart, GridComponent, TitleComponent, VisualMapComponent, SVGRenderer]);

/** File name of a pair's heatmap: the two paths with their dots kept, e.g. `strategy.params.fast__strategy.params.slow.png`. */
export function heatmapName(dims: readonly SweepDimension[], a: number, b: number): string {
  return `heatmap__${dims[a]!.path}__${dims[b]!.path}.png`;
}

export function renderHeatmap(
  dims: readonly SweepDimension[],
  a: number,
  b: number,
  cells: readonly HeatmapCell[],
  best: readonly number[],
  objective: string,
): Uint8Array {
  const xs = dims[a]!.values.map(String);
  const ys = dims[b]!.values.map(String);
  const data = heatmapGrid(a, b, cells).map(([x, y, v]) => [x, y, Number(v.toPrecision(6))]);
  const values = data.map((d) => d[2]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const width = Math.min(1600, 200 + xs.length * 28);
  const height = Math.min(1200, 160 + ys.length * 22);
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT_FAMILY },
      title: {
        text: `best ${objective} over the other dimensions`,
        left: "center",
        textStyle: { fontSize: 13 },
      },
      grid: { left: 90, right: 90, top: 40, bottom: 70 },
      xAxis: { type: "category", data: xs, name: dims[a]!.path, nameLocation: "middle", nameGap: 40 },
      yAxis: { type: "category", data: ys, name: dims[b]!.path, nameLocation: "middle", nameGap: 60 },
      visualMap: {
        // Only the heatmap is coloured by value; otherwise the best cell's frame would be filled too.
        seriesIndex: 0,
        min,
        max: max > min ? max : min + 1,
        calculable: false,
        text: [String(Number(max.toPrecision(4))), String(Number(min.toPrecision(4)))],
        orient: "vertical",
        right: 10,
        top: "middle",
        inRange: { color: ["#313695", "#74add1", "#ffffbf", "#f46d43", "#a50026"] },
      },
      series: [
        { type: "heatmap", data, emphasis: { disabled: true } },
        {
          type: "scatter",
          data: [[best[a], best[b]]],
          symbol: "rect",
          symbolSize: 12,
          itemStyle: { color: "rgba(0,0,0,0)", borderColor: "#000000", borderWidth: 2 },
          z: 10,
        },
      ],
    });
    return svgToPng(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
