/**
 * @module web/report/returns-heatmap
 * Returns by month (columns) and year (rows) as a table whose cells are shaded green for gains and red for
 * losses, strongest at the largest absolute monthly return; the last column is the year's return.
 */
import { percent } from "../../report/format-metric.js";
import type { ReportData } from "../../report/report-data.js";
import { h } from "../common/dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function shade(ret: number, scale: number): string {
  const a = Math.min(1, Math.abs(ret) / scale) * 0.75;
  return ret >= 0 ? `rgba(26,152,80,${a.toFixed(3)})` : `rgba(215,48,39,${a.toFixed(3)})`;
}

export function returnsHeatmap(data: ReportData): HTMLElement {
  const { monthly, yearly } = data.periods;
  const scale = Math.max(1e-9, ...monthly.map((m) => Math.abs(m.ret)));
  const byYear = new Map<number, Map<number, number>>();
  for (const m of monthly) {
    if (!byYear.has(m.year)) byYear.set(m.year, new Map());
    byYear.get(m.year)!.set(m.month!, m.ret);
  }
  const rows = yearly.map((y) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, String(y.year)),
      ...MONTHS.map((_, i) => {
        const r = byYear.get(y.year)?.get(i + 1);
        return r === undefined
          ? h("td", {}, "")
          : h("td", { class: "num", style: `background:${shade(r, scale)}` }, percent(r, 1));
      }),
      h("td", { class: "num year", style: `background:${shade(y.ret, scale * 3)}` }, percent(y.ret, 1)),
    ),
  );
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      { class: "heatmap", id: "returns-heatmap" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "year"),
          ...MONTHS.map((m) => h("th", { scope: "col" }, m)),
          h("th", { scope: "col" }, "year"),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}
