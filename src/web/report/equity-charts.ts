/**
 * @module web/report/equity-charts
 * Equity beside buy-and-hold, and the drawdown below it, on one shared time axis zoomed together.
 */
import type { ReportData, Series } from "../../report/report-data.js";
import { COLORS, chartIn } from "../common/echarts.js";

const pairs = (s: Series): number[][] => s.t.map((t, i) => [t, s.y[i]!]);

export function equityChart(el: HTMLElement, data: ReportData): void {
  const { equity, buyHold, drawdown } = data.series;
  chartIn(el).setOption({
    animation: false,
    title: { text: "Equity and drawdown", left: 8, top: 0, textStyle: { fontSize: 14 } },
    legend: { top: 4, right: 8 },
    tooltip: { trigger: "axis" },
    axisPointer: { link: [{ xAxisIndex: "all" }] },
    grid: [
      { left: 72, right: 24, top: 40, height: "50%" },
      { left: 72, right: 24, top: "68%", bottom: 48 },
    ],
    xAxis: [
      { type: "time", gridIndex: 0, axisLabel: { show: false } },
      { type: "time", gridIndex: 1 },
    ],
    yAxis: [
      { type: "value", scale: true, gridIndex: 0, name: "equity" },
      {
        type: "value",
        gridIndex: 1,
        name: "drawdown",
        max: 0,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
    ],
    dataZoom: [
      { type: "inside", xAxisIndex: [0, 1] },
      { type: "slider", xAxisIndex: [0, 1], height: 20, bottom: 6 },
    ],
    series: [
      {
        name: "strategy",
        type: "line",
        showSymbol: false,
        data: pairs(equity),
        lineStyle: { width: 1.5, color: COLORS.equity },
        itemStyle: { color: COLORS.equity },
      },
      {
        name: "buy and hold",
        type: "line",
        showSymbol: false,
        data: pairs(buyHold),
        lineStyle: { width: 1, color: COLORS.hold },
        itemStyle: { color: COLORS.hold },
      },
      {
        name: "drawdown",
        type: "line",
        xAxisIndex: 1,
        yAxisIndex: 1,
        showSymbol: false,
        data: pairs(drawdown),
        areaStyle: { color: "rgba(215,48,39,0.25)" },
        lineStyle: { width: 1, color: COLORS.dd },
        itemStyle: { color: COLORS.dd },
      },
    ],
  });
}
