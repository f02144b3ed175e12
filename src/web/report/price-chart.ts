/**
 * @module web/report/price-chart
 * Price candles with entry and exit markers (and each trade's stop and target when the config sets them: the
 * stop as steps, so a trailing stop climbs with the highs, the target as a flat segment), zoom and pan. The report carries candles at one or two
 * resolutions; on every zoom the finest one that keeps the visible window under MAX_VISIBLE candles is drawn,
 * and only the markers inside the window, so a million-bar run stays as quick as a small one.
 */
import type { CandleLevel, ReportData } from "../../report/report-data.js";
import { COLORS, chartIn } from "../common/echarts.js";

const MAX_VISIBLE = 3000;
const MAX_MARKERS = 1500;

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function levelFor(levels: readonly CandleLevel[], t0: number, t1: number): CandleLevel {
  for (let i = levels.length - 1; i >= 0; i--) {
    const l = levels[i]!;
    if (lowerBound(l.t, t1) - lowerBound(l.t, t0) <= MAX_VISIBLE) return l;
  }
  return levels[0]!;
}

export function priceChart(el: HTMLElement, data: ReportData): void {
  const chart = chartIn(el);
  const levels = data.candles;
  const all = levels[0]!;
  const tMin = all.t[0] ?? 0;
  const tMax = all.t[all.t.length - 1] ?? 1;
  const mk = data.markers;
  const lv = mk.levels;
  const hasStop = (lv?.stop.length ?? 0) > 0;
  const hasTarget = lv?.target.some((v) => v !== null) ?? false;

  /** Markers inside [t0, t1]; none when there are too many to tell apart (the subtitle says to zoom in). */
  const markers = (t0: number, t1: number) => {
    const longIn: number[][] = [];
    const shortIn: number[][] = [];
    const outs: (number | string)[][] = [];
    const stops: (number | string)[][] = [];
    const targets: (number | string)[][] = [];
    let inView = 0;
    for (let i = 0; i < mk.entryTs.length; i++) {
      const e = mk.entryTs[i]!;
      const x = mk.exitTs[i]!;
      if ((e >= t0 && e <= t1) || (x >= t0 && x <= t1)) inView++;
    }
    if (inView > MAX_MARKERS) return { longIn, shortIn, outs, stops, targets, inView };
    for (let i = 0; i < mk.entryTs.length; i++) {
      const e = mk.entryTs[i]!;
      if (e > t1) break;
      if (e >= t0) (mk.side[i]! > 0 ? longIn : shortIn).push([e, mk.entryPrice[i]!]);
      const x = mk.exitTs[i]!;
      if (x >= t0 && x <= t1) outs.push([x, mk.exitPrice[i]!, mk.reason?.[i] ?? "exit"]);
      // The stop as steps from entry to exit (a trailing stop climbs), the target flat; "-" breaks the line
      // between trades.
      if (lv && x >= t0 && e <= t1) {
        const to = lv.from[i + 1]!;
        for (let j = lv.from[i]!; j < to; j++) {
          const y = lv.stop[j]!;
          stops.push([lv.ts[j]!, y], [j + 1 < to ? lv.ts[j + 1]! : x, y]);
        }
        if (to > lv.from[i]!) stops.push([x, "-"]);
        const tp = lv.target[i];
        if (tp !== null && tp !== undefined) targets.push([e, tp], [x, tp], [x, "-"]);
      }
    }
    return { longIn, shortIn, outs, stops, targets, inView };
  };

  const seriesFor = (t0: number, t1: number) => {
    const l = levelFor(levels, t0, t1);
    const from = Math.max(0, lowerBound(l.t, t0) - 1);
    const to = Math.min(l.t.length, lowerBound(l.t, t1) + 1);
    const candles: number[][] = [];
    for (let i = from; i < to; i++) candles.push([l.t[i]!, l.o[i]!, l.c[i]!, l.l[i]!, l.h[i]!]);
    const m = markers(t0, t1);
    // What the view holds, for a reader's tools and the browser test: points of the stop and target lines.
    el.dataset.stopPoints = String(m.stops.length);
    el.dataset.targetPoints = String(m.targets.length);
    return {
      title:
        (l.bars > 1 ? `candles of ${l.bars} bars` : "one candle per bar") +
        (m.inView > MAX_MARKERS ? `; ${m.inView} trades in view: zoom in to see their markers` : "") +
        (lv?.thinned ? `; trailing stops simplified (${lv.stop.length} of ${lv.steps} steps)` : ""),
      series: [
        { id: "candles", data: candles },
        { id: "long", data: m.longIn },
        { id: "short", data: m.shortIn },
        { id: "exit", data: m.outs },
        { id: "stop", data: m.stops },
        { id: "target", data: m.targets },
      ],
    };
  };

  const first = seriesFor(tMin, tMax);
  chart.setOption({
    animation: false,
    title: { text: "Price", subtext: first.title, left: 8, top: 0, textStyle: { fontSize: 14 } },
    legend: {
      top: 4,
      right: 8,
      data: [
        "long entry",
        "short entry",
        "exit",
        ...(hasStop ? ["stop"] : []),
        ...(hasTarget ? ["target"] : []),
      ],
    },
    tooltip: { trigger: "axis", axisPointer: { type: "cross" } },
    grid: { left: 64, right: 24, top: 48, bottom: 64 },
    xAxis: { type: "time", min: tMin, max: tMax },
    yAxis: { type: "value", scale: true },
    dataZoom: [
      { type: "inside", xAxisIndex: 0, filterMode: "weakFilter" },
      { type: "slider", xAxisIndex: 0, filterMode: "weakFilter", height: 24, bottom: 8 },
    ],
    series: [
      {
        id: "candles",
        name: "price",
        type: "candlestick",
        large: true,
        itemStyle: {
          color: COLORS.up,
          color0: COLORS.down,
          borderColor: COLORS.up,
          borderColor0: COLORS.down,
        },
        data: first.series[0]!.data,
      },
      {
        id: "long",
        name: "long entry",
        type: "scatter",
        symbol: "triangle",
        symbolSize: 9,
        itemStyle: { color: COLORS.up },
        data: first.series[1]!.data,
      },
      {
        id: "short",
        name: "short entry",
        type: "scatter",
        symbol: "triangle",
        symbolRotate: 180,
        symbolSize: 9,
        itemStyle: { color: COLORS.down },
        data: first.series[2]!.data,
      },
      {
        id: "exit",
        name: "exit",
        type: "scatter",
        symbol: "circle",
        symbolSize: 6,
        itemStyle: { color: "#333" },
        data: first.series[3]!.data,
      },
      {
        id: "stop",
        name: "stop",
        type: "line",
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1.5, color: COLORS.down, opacity: 0.8 },
        itemStyle: { color: COLORS.down },
        data: first.series[4]!.data,
      },
      {
        id: "target",
        name: "target",
        type: "line",
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: 1, type: "dashed", color: COLORS.up },
        itemStyle: { color: COLORS.up },
        data: first.series[5]!.data,
      },
    ],
  });
  chart.on("datazoom", () => {
    const opt = chart.getOption() as { dataZoom: { start: number; end: number }[] };
    const z = opt.dataZoom[0]!;
    const t0 = tMin + ((tMax - tMin) * z.start) / 100;
    const t1 = tMin + ((tMax - tMin) * z.end) / 100;
    const next = seriesFor(t0, t1);
    chart.setOption({ title: { subtext: next.title }, series: next.series });
  });
}
