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
  // A ResizeObserver reports every element once as soon as it is observed; resizing then would lay out and
  // paint the chart a second time for nothing (a tenth of a second for a big chart), so only real changes count.
  new ResizeObserver(() => {
    if (el.clientWidth !== chart.getWidth() || el.clientHeight !== chart.getHeight()) chart.resize();
  }).observe(el);
  return chart;
}

export const COLORS = { up: "#1a9850", down: "#d73027", equity: "#2c7bb6", hold: "#999999", dd: "#d73027" };
