/**
 * @module web/report/render-report
 * Lays out a run's report into a container: title, warnings, metrics, price, equity and drawdown, monthly
 * returns, trades, validation, data quality, config and hashes. Charts are drawn after the layout is in the
 * document, so they get their real size: the price chart at once, the others when scrolled near or when the
 * page is idle (see when-visible).
 */
import type { ReportData } from "../../report/report-data.js";
import { h, kvTable, section } from "../common/dom.js";
import { equityChart } from "./equity-charts.js";
import { priceChart } from "./price-chart.js";
import { returnsHeatmap } from "./returns-heatmap.js";
import { tradesTable } from "./trades-table.js";
import { validationSection } from "./validation-section.js";
import { drawAllPending, whenVisible } from "./when-visible.js";

type Rec = Record<string, unknown>;

const show = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

export function renderReport(root: HTMLElement, data: ReportData): void {
  const summary = (data.summary ?? {}) as Rec;
  const price = h("div", {
    class: "chart tall",
    id: "chart-price",
    role: "img",
    "aria-label": "price candles with trades",
  });
  const equity = h("div", {
    class: "chart tall",
    id: "chart-equity",
    role: "img",
    "aria-label": "equity, buy and hold, drawdown",
  });
  const warnings = data.warnings;
  const hashes = (summary.hashes ?? {}) as Rec;
  const hashRows: [string, string][] = Object.entries(hashes)
    .filter(([, v]) => typeof v === "string")
    .map(([k, v]) => [k, String(v)]);
  const run = (summary.run ?? {}) as Rec;
  if (typeof run.run_id === "string") hashRows.unshift(["run_id", run.run_id]);
  if (typeof summary.code_version === "string") hashRows.push(["code_version", summary.code_version]);
  const quality = Object.entries({
    ...((summary.data ?? {}) as Rec),
    ...((summary.data_quality ?? {}) as Rec),
  }).map(
    ([k, v]) =>
      [k, k.endsWith("_ts") && typeof v === "number" ? new Date(v).toISOString() : show(v)] as [
        string,
        string,
      ],
  );
  const nav = [
    ["metrics", "Metrics"],
    ["price", "Price"],
    ["equity", "Equity"],
    ["returns", "Returns"],
    ["trades", "Trades"],
    ["validation", "Validation"],
    ["data", "Data"],
    ["config", "Config"],
  ];
  root.append(
    h("header", {}, h("h1", {}, data.title), h("p", { class: "sub" }, data.subtitle)),
    h("nav", { "aria-label": "sections" }, ...nav.map(([id, label]) => h("a", { href: `#${id}` }, label!))),
    warnings.length
      ? h(
          "div",
          { class: "warnings", role: "alert", id: "warnings" },
          h("strong", {}, `${warnings.length} warning(s)`),
          h("ul", {}, ...warnings.map((w) => h("li", {}, w))),
        )
      : h("p", { class: "ok", id: "warnings" }, "No warnings."),
    section(
      "metrics",
      "Metrics",
      h(
        "dl",
        { class: "metric-grid" },
        ...data.metrics.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
      ),
    ),
    section(
      "price",
      "Price and trades",
      h("p", { class: "note" }, "Scroll or drag the slider to zoom; candles refine as you zoom in."),
      price,
    ),
    section("equity", "Equity, buy and hold, drawdown", equity),
    section("returns", "Returns by month and year", returnsHeatmap(data)),
    section("trades", "Trades", tradesTable(data)),
    section("validation", "Validation", validationSection(data.validation as Rec | null)),
    section("data", "Data quality", kvTable(quality)),
    section(
      "config",
      "Config and hashes",
      kvTable(hashRows),
      h("pre", { class: "config" }, JSON.stringify(summary.config ?? {}, null, 2)),
    ),
  );
  // The price chart is what a reader sees first; the charts below it are drawn as they come into view.
  priceChart(price, data);
  whenVisible(equity, () => equityChart(equity, data));
  addEventListener("beforeprint", drawAllPending);
}
