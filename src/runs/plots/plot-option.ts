/**
 * @module runs/plots/plot-option
 * The echarts option behind plots.png: stacked panels sharing one UTC time axis (price with buy/sell marks, and
 * stop, target and time exits marked apart, when there is a price, then equity, then drawdown in percent), laid
 * out in fixed pixels so every run's picture looks the same. Series arrive already downsampled
 * (runs/plots/plot-downsample), because echarts is slow on large series, and each panel is drawn in a unit echarts can
 * handle whatever the magnitudes (runs/plots/plot-scale).
 */
import type { EChartsOption } from "echarts";
import type { XYPoints } from "./plot-downsample.js";
import { drawablePairs, type PanelUnit, panelUnit } from "./plot-scale.js";

export const PLOT_WIDTH = 1280;
/** Left and right margins of every panel: room for y-axis labels such as "1,000,000". */
const LEFT = 90;
const RIGHT = 30;
/** Width of the plotting area in pixels: the number of downsampling buckets that are worth drawing. */
export const PLOT_AREA_WIDTH = PLOT_WIDTH - LEFT - RIGHT;
const HEADER = 80;
const GAP = 44;
const FOOTER = 44;
export const FONT_FAMILY = "DejaVu Sans";

export interface PlotPanels {
  readonly title: string;
  readonly subtitle?: string | undefined;
  /** First and last bar time: every panel's x range, so the panels line up. */
  readonly xMin: number;
  readonly xMax: number;
  readonly equity: XYPoints;
  /** Drawdown as a fraction (<= 0); drawn in percent. */
  readonly drawdown: XYPoints;
  readonly price?: XYPoints | undefined;
  readonly buys?: XYPoints | undefined;
  readonly sells?: XYPoints | undefined;
  /** Exits other than a change of target: stop-loss and trailing-stop fills, take-profit fills, time exits. */
  readonly stops?: XYPoints | undefined;
  readonly targets?: XYPoints | undefined;
  readonly timeExits?: XYPoints | undefined;
}

interface Panel {
  readonly name: string;
  readonly height: number;
  readonly unit: PanelUnit;
}

/** Drawdown fractions are drawn in percent. */
const PERCENT = 100;

/** Total image height for the panels drawn (with or without the price panel). */
export function plotHeight(withPrice: boolean): number {
  const panels = withPrice ? [300, 220, 150] : [330, 190];
  return HEADER + panels.reduce((a, b) => a + b, 0) + GAP * (panels.length - 1) + FOOTER;
}

export function buildPlotOption(p: PlotPanels): EChartsOption {
  const priceUnit = panelUnit([p.price, p.buys, p.sells]);
  const equityUnit = panelUnit([p.equity]);
  const drawdownUnit = panelUnit([p.drawdown], PERCENT);
  const panels: Panel[] = p.price
    ? [
        { name: "Price", height: 300, unit: priceUnit },
        { name: "Equity", height: 220, unit: equityUnit },
        { name: "Drawdown (%)", height: 150, unit: drawdownUnit },
      ]
    : [
        { name: "Equity", height: 330, unit: equityUnit },
        { name: "Drawdown (%)", height: 190, unit: drawdownUnit },
      ];
  const tops: number[] = [];
  let top = HEADER;
  for (const panel of panels) {
    tops.push(top);
    top += panel.height + GAP;
  }
  const last = panels.length - 1;
  const text = { fontFamily: FONT_FAMILY, color: "#333" };
  const line = (name: string, data: [number, number][], axis: number, color: string, area = false) => ({
    type: "line" as const,
    name,
    data,
    xAxisIndex: axis,
    yAxisIndex: axis,
    // A lone point has no segment to draw; show it as a dot so a one-bar run is not an empty chart.
    showSymbol: data.length === 1,
    lineStyle: { width: 1.2, color },
    itemStyle: { color },
    ...(area ? { areaStyle: { color, opacity: 0.25 } } : {}),
  });
  const marks = (
    name: string,
    points: XYPoints | undefined,
    color: string,
    rotate: number,
    symbol = "triangle",
  ) => ({
    type: "scatter" as const,
    name,
    data: points ? drawablePairs(points, priceUnit) : [],
    xAxisIndex: 0,
    yAxisIndex: 0,
    symbol,
    symbolSize: 9,
    symbolRotate: rotate,
    itemStyle: { color, borderColor: "#fff", borderWidth: 0.5 },
  });
  const exitMarks = (
    [
      ["Stop", p.stops, "#e66101", "rect"],
      ["Target", p.targets, "#5e3c99", "diamond"],
      ["Time exit", p.timeExits, "#878787", "circle"],
    ] as const
  ).filter(([, points]) => points !== undefined && points.x.length > 0);
  const series = [
    ...(p.price ? [line("Close", drawablePairs(p.price, priceUnit), 0, "#555")] : []),
    ...(p.buys ? [marks("Buy", p.buys, "#1a9850", 0)] : []),
    ...(p.sells ? [marks("Sell", p.sells, "#d73027", 180)] : []),
    ...exitMarks.map(([name, points, color, symbol]) => marks(name, points, color, 0, symbol)),
    line("Equity", drawablePairs(p.equity, equityUnit), panels.length - 2, "#2166ac"),
    line("Drawdown", drawablePairs(p.drawdown, drawdownUnit, PERCENT), last, "#d73027", true),
  ];
  return {
    useUTC: true,
    animation: false,
    backgroundColor: "#fff",
    textStyle: text,
    title: [
      { text: p.title, subtext: p.subtitle ?? "", left: 20, top: 12, textStyle: { ...text, fontSize: 18 } },
      ...panels.map((panel, i) => ({
        text: `${panel.name}${panel.unit.suffix}`,
        left: LEFT,
        top: tops[i]! - 22,
        textStyle: { ...text, fontSize: 13, fontWeight: "normal" as const },
      })),
    ],
    ...(p.buys || p.sells
      ? {
          legend: {
            top: tops[0]! - 24,
            right: RIGHT,
            textStyle: text,
            data: [
              "Close",
              ...(p.buys ? ["Buy"] : []),
              ...(p.sells ? ["Sell"] : []),
              ...exitMarks.map(([name]) => name),
            ],
          },
        }
      : {}),
    grid: panels.map((panel, i) => ({ left: LEFT, right: RIGHT, top: tops[i]!, height: panel.height })),
    xAxis: panels.map((_, i) => ({
      type: "time" as const,
      gridIndex: i,
      min: p.xMin,
      max: p.xMax,
      axisLabel: { show: i === last, hideOverlap: true, fontFamily: FONT_FAMILY },
      splitLine: { show: true, lineStyle: { color: "#eee" } },
    })),
    yAxis: panels.map((panel, i) => ({
      type: "value" as const,
      gridIndex: i,
      scale: true,
      ...(panel.name.startsWith("Drawdown") ? { max: 0, axisLabel: { formatter: "{value}%" } } : {}),
      splitLine: { lineStyle: { color: "#eee" } },
    })),
    series,
  };
}
