/**
 * @module runs/plots/plot
 * plots.png for a run: echarts draws the panels as SVG on the server (no browser, no canvas), resvg rasterizes
 * the SVG to PNG with the DejaVu fonts shipped in `dejavu-fonts-ttf`, so the picture is identical on every machine
 * whatever fonts it has installed. Long series are min/max downsampled to the plot's pixel width first, which keeps
 * a million-bar run at a fraction of a second and keeps its spikes visible.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg, type ResvgRenderOptions, renderAsync } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import type * as EChartsCore from "echarts/core";
import {
  REASON_STOP_LOSS,
  REASON_TAKE_PROFIT,
  REASON_TIME_EXIT,
  REASON_TRAILING_STOP,
} from "../../core/results.js";
import { minMaxDownsample, type XYPoints } from "./plot-downsample.js";
import { buildPlotOption, FONT_FAMILY, PLOT_AREA_WIDTH, PLOT_WIDTH, plotHeight } from "./plot-option.js";

const require = createRequire(import.meta.url);
let echartsLib: typeof EChartsCore | undefined;

/**
 * echarts' own prebuilt "common" bundle (line and scatter charts, grid, legend, title, the SVG renderer): one file
 * that Node compiles in ~40 ms, where the ES modules behind `echarts/core` plus the parts we use are ~500 files
 * and ~300 ms, paid by every command. Same echarts version and code, so the SVG is byte for byte the same
 * (test/golden). Loaded on first use, so commands that draw nothing never load it.
 */
function echarts(): typeof EChartsCore {
  echartsLib ??= require("echarts/dist/echarts.common.min") as typeof EChartsCore;
  return echartsLib;
}

/** Above this many fills the price panel's marks become a smear; the price is then drawn without them. */
export const MAX_MARKED_FILLS = 500;

export interface RunPlotInput {
  /** First line, composed by the caller: symbol, timeframe, strategy and parameters. */
  readonly title: string;
  readonly subtitle?: string;
  /** Bar open times, epoch ms UTC, ascending; one per value of every series below. */
  readonly ts: Float64Array;
  readonly equity: Float64Array;
  /** Drawdown as a fraction (<= 0), drawn in percent. */
  readonly drawdown: Float64Array;
  /** Close prices: adds the price panel. */
  readonly close?: Float64Array;
  /** Fills, marked on the price panel when there are at most MAX_MARKED_FILLS of them; `reason` (EXIT_REASONS
   * codes) sets stop, target and time exits apart from the buys and sells of target changes. */
  readonly fills?: {
    readonly ts: Float64Array;
    readonly side: Int8Array;
    readonly price: Float64Array;
    readonly reason?: Int8Array;
  };
}

let fontFiles: string[] | undefined;

/** Resolved through the package itself so the same code finds the fonts from src (tsx, vitest) and from dist. */
function dejavuFontFiles(): string[] {
  if (fontFiles === undefined) {
    const pkg = require.resolve("dejavu-fonts-ttf/package.json");
    const dir = path.join(path.dirname(pkg), "ttf");
    fontFiles = [path.join(dir, "DejaVuSans.ttf"), path.join(dir, "DejaVuSans-Bold.ttf")];
  }
  return fontFiles;
}

/** The fills whose (side, reason) pass `keep`, as points; a fill without a reason is a signal fill (0). */
function fillMarks(
  fills: NonNullable<RunPlotInput["fills"]>,
  keep: (side: number, reason: number) => boolean,
): XYPoints {
  const idx: number[] = [];
  for (let i = 0; i < fills.side.length; i++) if (keep(fills.side[i]!, fills.reason?.[i] ?? 0)) idx.push(i);
  return {
    x: Float64Array.from(idx, (i) => fills.ts[i]!),
    y: Float64Array.from(idx, (i) => fills.price[i]!),
  };
}

/** What echarts needs to draw a run's plot: the option (series already downsampled) and the picture's size. */
export interface PlotJob {
  readonly option: EChartsOption;
  readonly width: number;
  readonly height: number;
}

/** Renders the SVG of the run's panels. */
export function renderRunSvg(input: RunPlotInput): string {
  return renderJobSvg(plotJob(input));
}

export function plotJob(input: RunPlotInput): PlotJob {
  const { ts } = input;
  const n = ts.length;
  const buckets = PLOT_AREA_WIDTH;
  const marked =
    input.close !== undefined && input.fills !== undefined && input.fills.side.length <= MAX_MARKED_FILLS;
  const option = buildPlotOption({
    title: input.title,
    subtitle: input.subtitle,
    // A time axis needs a non-empty range; a single bar (or none) gets one minute.
    xMin: n > 0 ? ts[0]! : 0,
    xMax: n > 0 ? Math.max(ts[n - 1]!, ts[0]! + 60_000) : 60_000,
    equity: minMaxDownsample(ts, input.equity, buckets),
    drawdown: minMaxDownsample(ts, input.drawdown, buckets),
    price: input.close === undefined ? undefined : minMaxDownsample(ts, input.close, buckets),
    buys: marked ? fillMarks(input.fills!, (side, reason) => side > 0 && reason === 0) : undefined,
    sells: marked ? fillMarks(input.fills!, (side, reason) => side < 0 && reason === 0) : undefined,
    ...(marked && input.fills!.reason?.some((r) => r !== 0)
      ? {
          stops: fillMarks(input.fills!, (_, r) => r === REASON_STOP_LOSS || r === REASON_TRAILING_STOP),
          targets: fillMarks(input.fills!, (_, r) => r === REASON_TAKE_PROFIT),
          timeExits: fillMarks(input.fills!, (_, r) => r === REASON_TIME_EXIT),
        }
      : {}),
  });
  return { option, width: PLOT_WIDTH, height: plotHeight(input.close !== undefined) };
}

/** The echarts instance is always disposed: an undisposed SSR instance keeps timers alive and the process would
 * never exit. */
export function renderJobSvg(job: PlotJob): string {
  const chart = echarts().init(null, null, {
    renderer: "svg",
    ssr: true,
    width: job.width,
    height: job.height,
  });
  try {
    chart.setOption(job.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * plots.png bytes for a run: equity and drawdown panels, plus price with fill marks when `close` is given. The
 * SVG is drawn at once; the rasterizing (tens of ms for a full plot) runs on a libuv thread, so the caller goes on
 * encoding the run's other artifacts meanwhile.
 */
export function renderRunPlot(input: RunPlotInput): Promise<Uint8Array> {
  return svgToPngAsync(renderRunSvg(input));
}

/** PNG bytes of an echarts SVG, rasterized with the shipped DejaVu fonts (the same on every machine). */
export function svgToPng(svg: string): Uint8Array {
  return bytesOf(new Resvg(svg, resvgOptions()).render().asPng());
}

/** svgToPng off the calling thread: the same bytes (same resvg, same options), from libuv's thread pool. */
export async function svgToPngAsync(svg: string): Promise<Uint8Array> {
  return bytesOf((await renderAsync(svg, resvgOptions())).asPng());
}

function resvgOptions(): ResvgRenderOptions {
  return {
    background: "#ffffff",
    font: {
      fontFiles: dejavuFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  };
}

function bytesOf(png: Buffer): Uint8Array {
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
