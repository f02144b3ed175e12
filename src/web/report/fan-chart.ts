/**
 * @module web/report/fan-chart
 * The trade Monte Carlo's equity fan: equity against trades taken, the p5 to p95 band light, the p25 to p75 band
 * darker, the median as a line and the initial equity as a dashed line. Each band is a transparent lower edge
 * with its width stacked on it (echarts fills between stacked lines), so the tooltip reads the stored quantiles,
 * not the widths.
 */
import { plainNumber } from "../../report/format-metric.js";
import { chartIn } from "../common/echarts.js";

/** The stored `monte_carlo.fan`: trade counts and equity quantiles per count (null where undefined). */
export interface FanView {
  readonly title: string;
  readonly initialEquity: number;
  readonly trades: readonly number[];
  readonly p5: readonly (number | null)[];
  readonly p25: readonly (number | null)[];
  readonly p50: readonly (number | null)[];
  readonly p75: readonly (number | null)[];
  readonly p95: readonly (number | null)[];
}

const COLOR = "#2c7bb6";
const OUTER = 0.18;
const INNER = 0.4;

/** A band's series: the lower edge drawn as nothing, its width on top filled. */
function band(
  stack: string,
  name: string,
  view: FanView,
  lo: FanView["p5"],
  hi: FanView["p5"],
  opacity: number,
) {
  const at = (i: number) => view.trades[i]!;
  return [
    {
      name: `${name} lower`,
      type: "line",
      stack,
      stackStrategy: "all",
      symbol: "none",
      silent: true,
      lineStyle: { opacity: 0 },
      data: lo.map((v, i) => [at(i), v]),
      tooltip: { show: false },
    },
    {
      name,
      type: "line",
      stack,
      stackStrategy: "all",
      symbol: "none",
      silent: true,
      lineStyle: { opacity: 0 },
      areaStyle: { color: COLOR, opacity },
      data: hi.map((v, i) => [at(i), v === null || lo[i] === null ? null : v - lo[i]!]),
    },
  ];
}

export function fanChart(el: HTMLElement, view: FanView): void {
  const e0 = view.initialEquity;
  const pct = (v: number | null | undefined) =>
    typeof v === "number" ? `${plainNumber(v)} (${((v / e0 - 1) * 100).toFixed(1)}%)` : "-";
  chartIn(el).setOption({
    animation: false,
    title: { text: view.title, left: 8, top: 0, textStyle: { fontSize: 14 } },
    legend: {
      top: 4,
      right: 8,
      // The band series draw no line, so their legend icons are given the band's fill.
      data: [
        { name: "p5 to p95", icon: "rect", itemStyle: { color: COLOR, opacity: OUTER } },
        { name: "p25 to p75", icon: "rect", itemStyle: { color: COLOR, opacity: INNER } },
        { name: "median" },
      ],
    },
    tooltip: {
      trigger: "axis",
      formatter: (ps: { dataIndex: number }[]) => {
        const i = ps[0]?.dataIndex ?? 0;
        return [
          `after ${view.trades[i]} trades`,
          `p95 ${pct(view.p95[i])}`,
          `p75 ${pct(view.p75[i])}`,
          `median ${pct(view.p50[i])}`,
          `p25 ${pct(view.p25[i])}`,
          `p5 ${pct(view.p5[i])}`,
        ].join("<br>");
      },
    },
    grid: { left: 72, right: 32, top: 48, bottom: 40 },
    xAxis: {
      type: "value",
      name: "trades",
      nameLocation: "middle",
      nameGap: 26,
      min: 0,
      max: view.trades.at(-1) ?? 1,
      minInterval: 1,
    },
    yAxis: { type: "value", name: "equity", scale: true, axisLine: { show: true } },
    series: [
      ...band("outer", "p5 to p95", view, view.p5, view.p95, OUTER),
      ...band("inner", "p25 to p75", view, view.p25, view.p75, INNER),
      {
        name: "median",
        type: "line",
        symbol: "none",
        lineStyle: { width: 2, color: COLOR },
        itemStyle: { color: COLOR },
        data: view.p50.map((v, i) => [view.trades[i], v]),
        markLine: {
          symbol: "none",
          silent: true,
          data: [
            {
              yAxis: e0,
              lineStyle: { color: "#333", width: 1, type: "dashed" },
              label: {
                formatter: `initial equity ${plainNumber(e0)}`,
                color: "#333",
                position: "insideStartTop",
              },
            },
          ],
        },
      },
    ],
  });
}
