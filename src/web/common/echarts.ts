/**
 * @module web/common/echarts
 * The parts of echarts the pages use, registered once: tree-shaking keeps the bundle a fraction of the full
 * library. Canvas renderer, so a test can check that a chart painted pixels.
 */
import { BarChart, CandlestickChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  CandlestickChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };

/** A chart in `el` that follows the window's size. */
export function chartIn(el: HTMLElement): echarts.ECharts {
  const chart = echarts.init(el, undefined, { renderer: "canvas" });
  new ResizeObserver(() => chart.resize()).observe(el);
  return chart;
}

export const COLORS = { up: "#1a9850", down: "#d73027", equity: "#2c7bb6", hold: "#999999", dd: "#d73027" };
