/**
 * @module web/studio/compare-page
 * Two to four runs: equity curves overlaid (each run's downsampled curve from its report), the metrics side by
 * side with differences from the first run, and the config fields that differ.
 */
import { compareMetrics, configDiff } from "../../report/compare-runs.js";
import { shortId, strategyLabel } from "../../report/strategy-label.js";
import { h } from "../common/dom.js";
import { chartIn } from "../common/echarts.js";
import { api, type RunView, reportData } from "./api.js";

const PALETTE = ["#2c7bb6", "#d7191c", "#1a9641", "#fdae61"];

export async function comparePage(root: HTMLElement, ids: string[]): Promise<() => void> {
  const runs = await Promise.all(ids.map((id) => api<RunView>(`/api/runs/${id}`)));
  const reports = await Promise.all(ids.map((id) => reportData(id)));
  const names = runs.map((r) => shortId(r.run_id));
  const chart = h("div", {
    class: "chart tall",
    id: "chart-compare",
    role: "img",
    "aria-label": "equity curves overlaid",
  });
  const metrics = compareMetrics(runs.map((r) => r.metrics_summary));
  const diff = configDiff(runs.map((r) => r.config));
  const th = (t: string) => h("th", { scope: "col" }, t);
  root.replaceChildren(
    h("p", {}, h("a", { href: "#/" }, "< all runs")),
    h("h1", {}, `Compare ${names.join(", ")}`),
    h(
      "ul",
      {},
      ...runs.map((r, i) =>
        h(
          "li",
          {},
          h("span", { class: "swatch", style: `background:${PALETTE[i]}` }),
          " ",
          h("a", { href: `#/runs/${r.run_id}`, class: "mono" }, names[i]!),
          ` ${strategyLabel(r.config)} (${r.status})`,
        ),
      ),
    ),
    chart,
    h("h2", {}, "Metrics"),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { id: "compare-metrics" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            th("metric"),
            th(names[0]!),
            ...names.slice(1).flatMap((n) => [th(n), th(`diff ${n}`)]),
          ),
        ),
        h(
          "tbody",
          {},
          ...metrics.map((m) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, m.key),
              h("td", { class: "num" }, m.values[0]!),
              ...m.values
                .slice(1)
                .flatMap((v, i) => [
                  h("td", { class: "num" }, v),
                  h("td", { class: "num diff" }, m.diffs[i + 1]!),
                ]),
            ),
          ),
        ),
      ),
    ),
    h("h2", {}, "Config diff"),
    diff.length === 0
      ? h("p", {}, "The configs are identical.")
      : h(
          "table",
          { id: "config-diff" },
          h("thead", {}, h("tr", {}, th("field"), ...names.map(th))),
          h(
            "tbody",
            {},
            ...diff.map((d) =>
              h(
                "tr",
                {},
                h("th", { scope: "row", class: "mono" }, d.path),
                ...d.values.map((v) => h("td", { class: "mono" }, v)),
              ),
            ),
          ),
        ),
  );
  chartIn(chart).setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { top: 4 },
    grid: { left: 72, right: 24, top: 40, bottom: 56 },
    xAxis: { type: "time" },
    yAxis: { type: "value", scale: true, name: "equity" },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 20, bottom: 8 }],
    series: reports.map((rep, i) => ({
      name: names[i],
      type: "line",
      showSymbol: false,
      lineStyle: { width: 1.5, color: PALETTE[i] },
      itemStyle: { color: PALETTE[i] },
      data: rep ? rep.series.equity.t.map((t, j) => [t, rep.series.equity.y[j]]) : [],
    })),
  });
  return () => {};
}
