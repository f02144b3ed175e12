/**
 * @module web/report/validation-section
 * The validation results a reader can judge at a glance: the permutation null distribution (its histogram, and
 * p5 to p95 and median) against the observed return with its p-value, the bootstrap returns' histogram and
 * interval, the Monte Carlo equity fan (p5 to p95 after each number of trades), the spread of the final return and
 * its drawdown quantiles, walk-forward segments in and out of sample, and DSR and PBO each
 * explained in a sentence. Only the methods the run asked for appear.
 */
import { isoUtc, percent, plainNumber } from "../../report/format-metric.js";
import { h, kvTable } from "../common/dom.js";
import { chartIn } from "../common/echarts.js";
import { distributionChart } from "./distribution-chart.js";
import { type FanView, fanChart } from "./fan-chart.js";
import { whenVisible } from "./when-visible.js";

type Rec = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);
const pct = (v: unknown): string => (typeof v === "number" ? percent(v) : "-");
const fmt = (v: unknown): string => (typeof v === "number" ? plainNumber(v) : "-");

interface Interval {
  label: string;
  low: number;
  high: number;
  mid?: number;
  observed?: number;
}

function intervalsChart(el: HTMLElement, rows: Interval[]): void {
  const labels = rows.map((r) => r.label);
  chartIn(el).setOption({
    animation: false,
    title: { text: "Return intervals (observed marked)", left: 8, top: 0, textStyle: { fontSize: 14 } },
    tooltip: { trigger: "item" },
    legend: { top: 4, right: 8, data: ["p5..p95 / interval", "median", "observed"] },
    grid: { left: 200, right: 32, top: 48, bottom: 32 },
    xAxis: { type: "value", scale: true, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    yAxis: { type: "category", data: labels, inverse: true },
    series: [
      ...rows.map((r) => ({
        name: "p5..p95 / interval",
        type: "line",
        symbol: "none",
        lineStyle: { width: 12, color: "rgba(44,123,182,0.45)" },
        data: [
          [r.low, r.label],
          [r.high, r.label],
        ],
      })),
      {
        name: "median",
        type: "scatter",
        symbol: "rect",
        symbolSize: [3, 18],
        itemStyle: { color: "#2c7bb6" },
        data: rows.filter((r) => r.mid !== undefined).map((r) => [r.mid, r.label]),
      },
      {
        name: "observed",
        type: "scatter",
        symbol: "diamond",
        symbolSize: 14,
        itemStyle: { color: "#d73027" },
        data: rows.filter((r) => r.observed !== undefined).map((r) => [r.observed, r.label]),
      },
    ],
  });
}

function wfoChart(el: HTMLElement, segments: Rec[]): void {
  chartIn(el).setOption({
    animation: false,
    title: {
      text: "Walk-forward: in-sample vs out-of-sample return",
      left: 8,
      top: 0,
      textStyle: { fontSize: 14 },
    },
    tooltip: { trigger: "axis" },
    legend: { top: 4, right: 8 },
    grid: { left: 64, right: 24, top: 48, bottom: 32 },
    xAxis: { type: "category", data: segments.map((_, i) => `segment ${i + 1}`) },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: [
      {
        name: "in sample",
        type: "bar",
        data: segments.map((s) => num(s.in_sample_return)),
        itemStyle: { color: "#abd9e9" },
      },
      {
        name: "out of sample",
        type: "bar",
        data: segments.map((s) => num(s.return)),
        itemStyle: { color: "#2c7bb6" },
      },
    ],
  });
}

/** Draws once the section is in the document (after the report's layout) and the chart is near the view. */
const later = (el: HTMLElement, draw: () => void) => queueMicrotask(() => whenVisible(el, draw));

/** A histogram's chart element, carrying the stored values it shows, and its caption. */
function histogramBox(id: string, s: Rec, caption: string): { box: HTMLElement; chart: HTMLElement } {
  const chart = h("div", {
    class: "chart short",
    id: `chart-${id}`,
    role: "img",
    "aria-label": `${id} distribution: ${caption}`,
    "data-observed": String(s.observed_return),
    ...(s.p_value === undefined ? {} : { "data-p-value": String(s.p_value) }),
  });
  return {
    chart,
    box: h("figure", {}, chart, h("figcaption", { id: `${id}-caption`, class: "note" }, caption)),
  };
}

export function validationSection(v: Rec | null): HTMLElement {
  if (!v || Object.keys(v).filter((k) => k !== "rng").length === 0)
    return h(
      "p",
      { class: "note" },
      "This run asked for no validation (add a validation block to the config).",
    );
  const out = h("div", {});
  const rows: Interval[] = [];
  const p = v.permutation as Rec | undefined;
  const b = v.block_bootstrap as Rec | undefined;
  const mc = v.monte_carlo as Rec | undefined;
  const facts: [string, string][] = [];
  if (p) {
    const d = (p.distribution_summary ?? {}) as Rec;
    rows.push({
      label: `permutation null (n=${fmt(p.n)})`,
      low: num(d.p5),
      high: num(d.p95),
      mid: num(d.p50),
      observed: num(p.observed_return),
    });
    facts.push([
      "permutation p-value",
      `${fmt(p.p_value)}: ${fmt(p.count_at_least_observed)} of ${fmt(p.n)} shuffled markets did at least as well as the real one (${pct(p.observed_return)})`,
    ]);
  }
  if (b) {
    const ci = (b.return_ci ?? {}) as Rec;
    rows.push({
      label: `bootstrap ${pct(b.confidence)} CI`,
      low: num(ci.lower),
      high: num(ci.upper),
      observed: num(b.observed_return),
    });
    facts.push([
      "bootstrap return interval",
      `${pct(ci.lower)} to ${pct(ci.upper)}; P(loss) ${pct(b.prob_loss)}; block size ${fmt(b.block_size)}`,
    ]);
  }
  if (mc) {
    const e0 = num(mc.initial_equity);
    rows.push({
      label: `Monte Carlo final return (n=${fmt(mc.n)})`,
      low: num(mc.equity_p5) / e0 - 1,
      high: num(mc.equity_p95) / e0 - 1,
      mid: num(mc.equity_p50) / e0 - 1,
    });
    facts.push(
      [
        "Monte Carlo final equity p5 / p50 / p95",
        `${fmt(mc.equity_p5)} / ${fmt(mc.equity_p50)} / ${fmt(mc.equity_p95)} (trades drawn with replacement)`,
      ],
      [
        "Monte Carlo max drawdown p50 / p95",
        `${pct(mc.max_drawdown_p50)} / ${pct(mc.max_drawdown_p95)}; P(loss) ${pct(mc.prob_loss)}`,
      ],
    );
  }
  const charts = h("div", { class: "chart-pair" });
  const hp = p?.histogram as Rec | null | undefined;
  if (p && hp) {
    const el = histogramBox(
      "permutation",
      p,
      `observed ${pct(p.observed_return)}, p-value ${fmt(p.p_value)}`,
    );
    charts.append(el.box);
    later(el.chart, () =>
      distributionChart(el.chart, {
        title: `Permutation null: ${fmt(p.n)} shuffled markets (p = ${fmt(p.p_value)})`,
        histogram: hp as never,
        observed: num(p.observed_return),
        color: "#2c7bb6",
      }),
    );
  }
  const hb = b?.histogram as Rec | null | undefined;
  if (b && hb) {
    const ci = (b.return_ci ?? {}) as Rec;
    const el = histogramBox(
      "bootstrap",
      b,
      `observed ${pct(b.observed_return)}, ${pct(b.confidence)} interval ${pct(ci.lower)} to ${pct(ci.upper)}`,
    );
    charts.append(el.box);
    later(el.chart, () =>
      distributionChart(el.chart, {
        title: `Block bootstrap: ${fmt(b.n)} resampled returns`,
        histogram: hb as never,
        observed: num(b.observed_return),
        interval: { lower: num(ci.lower), upper: num(ci.upper) },
        color: "#7b3294",
      }),
    );
  }
  if (charts.childElementCount) out.append(charts);
  const fan = mc?.fan as Omit<FanView, "title" | "initialEquity"> | null | undefined;
  if (mc && fan) {
    const m = fan.trades.at(-1);
    const caption =
      `Equity after each number of trades over ${fmt(mc.n)} sequences of ${fmt(m)} trades drawn with ` +
      "replacement from the run's own: after any number of trades, half the sequences are inside the dark band " +
      `(p25 to p75) and 90% inside the light one (p5 to p95); the line is the median, ending at ${fmt(fan.p50.at(-1))}.`;
    const chart = h("div", {
      class: "chart",
      id: "chart-fan",
      role: "img",
      "aria-label": `Monte Carlo equity fan: ${caption}`,
      "data-points": String(fan.trades.length),
    });
    out.append(
      h("figure", { class: "wide" }, chart, h("figcaption", { id: "fan-caption", class: "note" }, caption)),
    );
    later(chart, () =>
      fanChart(chart, {
        ...fan,
        title: `Monte Carlo equity fan: ${fmt(mc.n)} resampled trade sequences`,
        initialEquity: num(mc.initial_equity),
      }),
    );
  }
  if (rows.length) {
    const el = h("div", {
      class: "chart short",
      id: "chart-intervals",
      role: "img",
      "aria-label": "validation intervals",
    });
    out.append(el);
    later(el, () => intervalsChart(el, rows));
  }
  const w = v.wfo as Rec | undefined;
  if (w) {
    const segments = (w.segments ?? []) as Rec[];
    facts.push(
      ["walk-forward stitched OOS return", pct(w.stitched_oos_return)],
      [
        "walk-forward efficiency",
        `${fmt(w.walk_forward_efficiency)} (OOS return per unit of IS return; near 1 means the edge carried over)`,
      ],
    );
    const el = h("div", {
      class: "chart short",
      id: "chart-wfo",
      role: "img",
      "aria-label": "walk-forward segments",
    });
    out.append(el);
    later(el, () => wfoChart(el, segments));
    out.append(
      h(
        "div",
        { class: "scroll" },
        h(
          "table",
          { class: "trades" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["segment", "in sample", "out of sample", "IS return", "OOS return", "best params"].map(
                (c) => h("th", { scope: "col" }, c),
              ),
            ),
          ),
          h(
            "tbody",
            {},
            ...segments.map((s, i) =>
              h(
                "tr",
                {},
                h("td", {}, String(i + 1)),
                h(
                  "td",
                  {},
                  `${isoUtc(num(s.in_sample_start))} to ${isoUtc(num(s.in_sample_end))} (${fmt(s.in_sample_bars)} bars)`,
                ),
                h(
                  "td",
                  {},
                  `${isoUtc(num(s.out_sample_start))} to ${isoUtc(num(s.out_sample_end))} (${fmt(s.out_sample_bars)} bars)`,
                ),
                h("td", { class: "num" }, pct(s.in_sample_return)),
                h("td", { class: "num" }, pct(s.return)),
                h("td", {}, JSON.stringify(s.best_params)),
              ),
            ),
          ),
        ),
      ),
    );
  }
  const o = v.overfitting as Rec | undefined;
  if (o) {
    facts.push(
      [
        "deflated Sharpe ratio (DSR)",
        `${fmt(o.dsr)}: the probability that the true Sharpe is above zero after allowing for picking the best of ${fmt(o.trials)} trials, skewed and fat-tailed returns (above 0.95 is convincing).`,
      ],
      [
        "probability of backtest overfitting (PBO)",
        o.pbo === null
          ? `not computed: ${String(o.pbo_reason ?? "too few bars")}`
          : `${pct(o.pbo)}: how often the best in-sample parameters rank in the bottom half out of sample (above 50% means the selection is mostly luck).`,
      ],
    );
  }
  out.prepend(kvTable(facts));
  return out;
}
