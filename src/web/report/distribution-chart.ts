/**
 * @module web/report/distribution-chart
 * A resampled distribution stored as a histogram (the permutation null, the bootstrap's returns) drawn as bars
 * between their bin edges, with the observed return as a vertical line and, for an interval, its two ends as
 * dashed lines. The x axis always reaches the observed value, even when no replication came near it.
 */
import { percent } from "../../report/format-metric.js";
import { histogramBins, histogramOutline, type StoredHistogram } from "../../report/histogram-outline.js";
import { chartIn } from "../common/echarts.js";

export interface DistributionView {
  readonly title: string;
  readonly histogram: StoredHistogram;
  readonly observed?: number;
  readonly interval?: { readonly lower: number; readonly upper: number };
  readonly color: string;
}

const pctLabel = (v: number): string => `${(v * 100).toFixed(Math.abs(v) < 0.1 ? 1 : 0)}%`;

export function distributionChart(el: HTMLElement, view: DistributionView): void {
  const outline = histogramOutline(view.histogram);
  const xs = outline.map(([x]) => x);
  const obs = view.observed;
  if (obs !== undefined && Number.isFinite(obs)) xs.push(obs);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = (hi - lo) * 0.04 || 1e-4;
  lo -= pad;
  hi += pad;
  const lines: object[] = [];
  if (obs !== undefined && Number.isFinite(obs))
    lines.push({
      xAxis: obs,
      lineStyle: { color: "#d73027", width: 2, type: "solid" },
      label: { formatter: `observed ${percent(obs)}`, color: "#d73027", position: "end" },
    });
  if (view.interval)
    for (const [name, x] of [
      ["lower", view.interval.lower],
      ["upper", view.interval.upper],
    ] as const)
      lines.push({
        xAxis: x,
        lineStyle: { color: "#333", width: 1, type: "dashed" },
        label: { formatter: `${name} ${percent(x)}`, color: "#333", position: "insideEndTop" },
      });
  const bins = histogramBins(view.histogram);
  chartIn(el).setOption({
    animation: false,
    title: { text: view.title, left: 8, top: 0, textStyle: { fontSize: 14 } },
    tooltip: {
      trigger: "axis",
      formatter: (ps: { value: [number, number] }[]) => {
        const x = ps[0]?.value[0] ?? Number.NaN;
        const b = bins.find((q) => x >= q.lo && x <= q.hi);
        return b ? `${percent(b.lo)} to ${percent(b.hi)}: ${b.count}` : "";
      },
    },
    grid: { left: 56, right: 32, top: 56, bottom: 32 },
    xAxis: {
      type: "value",
      min: lo,
      max: hi,
      axisLabel: { formatter: pctLabel, showMinLabel: false, showMaxLabel: false },
    },
    // Off the zero of the x axis: a return axis crosses 0 mid-chart.
    yAxis: { type: "value", name: "count", minInterval: 1, axisLine: { show: true, onZero: false } },
    series: [
      {
        name: "replications",
        type: "line",
        showSymbol: false,
        data: outline,
        lineStyle: { width: 1, color: view.color },
        areaStyle: { color: view.color, opacity: 0.45 },
        markLine: { symbol: "none", silent: true, data: lines },
      },
    ],
  });
}
