/**
 * @module web/sweep-report/render-sweep-report
 * Lays out a sweep's report: title, warnings, the best trial (its values, in-sample beside holdout, then every
 * in-sample metric), the best-of statistics each with its sentence, the heatmaps, the trials table, the spec and
 * the hashes. Heatmaps are drawn once the layout is in the document, so they get their real size.
 */
import type { SweepReportData } from "../../report/sweep-report-data.js";
import { h, kvTable, section } from "../common/dom.js";
import { sweepHeatmaps } from "./sweep-heatmaps.js";
import { trialsTable } from "./trials-table.js";

function bestSection(data: SweepReportData): HTMLElement[] {
  const best = data.best;
  if (!best) return [h("p", { class: "note" }, "No trial finished, so there is no best trial.")];
  return [
    kvTable(best.values, `trial ${best.trial}: the varied values`),
    h(
      "table",
      { class: "kv compare-holdout", id: "best-holdout" },
      h("caption", {}, "in-sample (the bars the search saw) against the holdout (bars it never saw)"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, ""),
          h("th", { scope: "col" }, "in-sample"),
          h("th", { scope: "col" }, "holdout"),
        ),
      ),
      h(
        "tbody",
        {},
        ...best.compare.map(([k, a, b]) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, k),
            h("td", { class: "num" }, a),
            h("td", { class: "num" }, b),
          ),
        ),
      ),
    ),
    h("h3", {}, "Every in-sample metric of the best trial"),
    h(
      "dl",
      { class: "metric-grid" },
      ...best.metrics.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))),
    ),
  ];
}

export function renderSweepReport(root: HTMLElement, data: SweepReportData): void {
  const heatmaps = sweepHeatmaps(data);
  const nav = [
    ["best", "Best trial"],
    ["statistics", "Statistics"],
    ["heatmaps", "Heatmaps"],
    ["trials", "Trials"],
    ["spec", "Spec"],
  ];
  root.append(
    h("header", {}, h("h1", {}, data.title), h("p", { class: "sub" }, data.subtitle)),
    h("nav", { "aria-label": "sections" }, ...nav.map(([id, label]) => h("a", { href: `#${id}` }, label!))),
    data.warnings.length
      ? h(
          "div",
          { class: "warnings", role: "alert", id: "warnings" },
          h("strong", {}, `${data.warnings.length} warning(s)`),
          h("ul", {}, ...data.warnings.map((w) => h("li", {}, w))),
        )
      : h("p", { class: "ok", id: "warnings" }, "No warnings."),
    section("best", "Best trial", ...bestSection(data)),
    section(
      "statistics",
      "How much of the best is selection luck",
      data.statistics.length
        ? h(
            "table",
            { class: "kv stats", id: "sweep-statistics" },
            h(
              "tbody",
              {},
              ...data.statistics.map(([k, v, why]) =>
                h(
                  "tr",
                  {},
                  h("th", { scope: "row" }, k),
                  h("td", { class: "num" }, v),
                  h("td", { class: "why" }, why),
                ),
              ),
            ),
          )
        : h("p", { class: "note" }, "No statistics: no trial finished."),
    ),
    section(
      "heatmaps",
      `Best ${data.objective} by pair of dimensions`,
      h(
        "p",
        { class: "note" },
        "Each cell is the best objective over every other dimension; the framed cell is the best trial; blank cells never ran. Hover a cell for its values.",
      ),
      heatmaps.el,
    ),
    section("trials", "Trials", trialsTable(data)),
    section(
      "spec",
      "Spec and hashes",
      kvTable(data.hashes),
      h("pre", { class: "config" }, JSON.stringify(data.spec, null, 2)),
    ),
  );
  heatmaps.draw();
}
