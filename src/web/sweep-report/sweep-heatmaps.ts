/**
 * @module web/sweep-report/sweep-heatmaps
 * One interactive heatmap per pair of numeric dimensions: each cell the best objective over the other
 * dimensions, coloured from low (blue) to high (red) on the sweep's own range, the best trial's cell framed,
 * the value and both parameters in the tooltip. The heatmap parts of echarts are registered here, so the run
 * report's bundle does not carry them.
 */
import { HeatmapChart } from "echarts/charts";
import { VisualMapComponent } from "echarts/components";
import { plainNumber } from "../../report/format-metric.js";
import type { SweepHeatmap, SweepReportData } from "../../report/sweep-report-data.js";
import { h } from "../common/dom.js";
import { chartIn, echarts } from "../common/echarts.js";

echarts.use([HeatmapChart, VisualMapComponent]);

const RAMP = ["#313695", "#74add1", "#ffffbf", "#f46d43", "#a50026"];

/** A container for each pair, sized to its grid, and the function that draws them once they are laid out. */
export function sweepHeatmaps(data: SweepReportData): { el: HTMLElement; draw: () => void } {
  const boxes = data.heatmaps.map((m) => {
    const xs = data.dims[m.a]!;
    const ys = data.dims[m.b]!;
    const height = Math.min(640, Math.max(280, 130 + ys.values.length * 24));
    const el = h("div", {
      class: "chart heatmap-chart",
      id: `heatmap-${m.a}-${m.b}`,
      style: `height:${height}px`,
      role: "img",
      "aria-label": `best ${data.objective} by ${xs.path} and ${ys.path}`,
    });
    return { m, el, figure: h("figure", {}, el, h("figcaption", {}, `${xs.path} x ${ys.path}`)) };
  });
  const el =
    boxes.length === 0
      ? h("p", { class: "note" }, "No heatmap: fewer than two numeric dimensions with two values or more.")
      : h("div", { class: "heatmaps" }, ...boxes.map((b) => b.figure));
  const draw = () => {
    for (const b of boxes) drawHeatmap(b.el, data, b.m);
  };
  return { el, draw };
}

function drawHeatmap(el: HTMLElement, data: SweepReportData, m: SweepHeatmap): void {
  const xs = data.dims[m.a]!;
  const ys = data.dims[m.b]!;
  const values = m.cells.map((c) => c[2]);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  chartIn(el).setOption({
    animation: false,
    grid: { left: 80, right: 120, top: 20, bottom: 60 },
    tooltip: {
      formatter: (p: { data: number[] }) =>
        `${xs.path} = ${xs.values[p.data[0]!]}<br>${ys.path} = ${ys.values[p.data[1]!]}<br>best ${data.objective}: ${plainNumber(p.data[2]!)}`,
    },
    xAxis: { type: "category", data: xs.values, name: xs.path, nameLocation: "middle", nameGap: 36 },
    yAxis: { type: "category", data: ys.values, name: ys.path, nameLocation: "middle", nameGap: 56 },
    visualMap: {
      // The colour scale is the heatmap's only: the best cell's frame keeps its own transparent fill.
      seriesIndex: 0,
      min,
      max: max > min ? max : min + 1,
      calculable: true,
      orient: "vertical",
      right: 6,
      top: "middle",
      formatter: (v: number) => plainNumber(Number(v.toPrecision(4))),
      inRange: { color: RAMP },
    },
    series: [
      { type: "heatmap", data: m.cells, emphasis: { itemStyle: { borderColor: "#000", borderWidth: 1 } } },
      {
        type: "scatter",
        data: m.best ? [m.best] : [],
        symbol: "rect",
        symbolSize: 18,
        silent: true,
        itemStyle: { color: "rgba(0,0,0,0)", borderColor: "#000000", borderWidth: 2 },
        z: 10,
      },
    ],
  });
}
