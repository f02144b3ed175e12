/**
 * @module web/sweep-report/trials-table
 * Every trial in one table: index, status, each varied value, the objective and the headline metrics. Sorted by
 * any column (click or Enter on a header; again to reverse) and filtered by the box above it (trial-filter.ts),
 * both over index arrays of the columns the report carries, so thousands of trials stay instant; rows are
 * drawn 200 at a time, best objective first. The best trial's row is marked.
 */
import { formatMetric, plainNumber } from "../../report/format-metric.js";
import type { SweepReportData } from "../../report/sweep-report-data.js";
import { h } from "../common/dom.js";
import { sortableHeaders, sortRows } from "../common/sortable.js";
import { type Cell, type FilterColumn, parseTrialFilter } from "./trial-filter.js";

const PAGE = 200;

interface Column extends FilterColumn {
  readonly label: string;
  readonly numeric: boolean;
  readonly show: (row: number) => string;
}

function columnsOf(data: SweepReportData): Column[] {
  const t = data.trials;
  const num = (name: string, label: string, v: readonly (number | null)[], show: (x: number) => string) => ({
    name,
    label,
    numeric: true,
    cell: (i: number): Cell => v[i] ?? null,
    show: (i: number) => (v[i] === null || v[i] === undefined ? "-" : show(v[i]!)),
  });
  const dims = data.dims.map((d, k) => {
    const numeric = d.values.every((x) => x !== "" && Number.isFinite(Number(x)));
    const v = t.values[k]!;
    return {
      name: d.path,
      label: d.path.split(".").at(-1)!,
      numeric,
      cell: (i: number): Cell => (numeric ? Number(v[i]) : v[i]!),
      show: (i: number) => v[i]!,
    };
  });
  return [
    num("trial", "trial", t.index, String),
    {
      name: "status",
      label: "status",
      numeric: false,
      cell: (i) => t.status[i]!,
      show: (i) => (t.error[i] ? `${t.status[i]} (${t.error[i]})` : t.status[i]!),
    },
    ...dims,
    num("objective", `objective (${data.objective})`, t.objective, plainNumber),
    ...Object.entries(t.metrics).map(([k, v]) => num(k, k, v, (x) => formatMetric(k, x))),
  ];
}

export function trialsTable(data: SweepReportData): HTMLElement {
  const columns = columnsOf(data);
  const n = data.trials.index.length;
  const bestRow = data.best ? data.trials.index.indexOf(data.best.trial) : -1;
  let sorted = Array.from({ length: n }, (_, i) => i);
  let shown = sorted;
  let limit = PAGE;
  let sortKey = "";
  let ascending = true;
  const filter = h("input", {
    type: "search",
    id: "trials-filter",
    placeholder: "e.g. fast>=10 sharpe>0.5 status=done",
    "aria-describedby": "trials-filter-help",
  });
  const count = h("span", { class: "note", id: "trials-count", "aria-live": "polite" });
  const tbody = h("tbody");
  const more = h("button", { type: "button", id: "trials-more" }, "Show more");
  more.addEventListener("click", () => {
    limit += PAGE * 5;
    render();
  });
  const render = () => {
    tbody.replaceChildren(
      ...shown
        .slice(0, limit)
        .map((i) =>
          h(
            "tr",
            i === bestRow
              ? { class: "best", "data-trial": data.trials.index[i]! }
              : { "data-trial": data.trials.index[i]! },
            ...columns.map((c) => h("td", { class: c.numeric ? "num" : "" }, c.show(i))),
          ),
        ),
    );
    more.hidden = shown.length <= limit;
    more.textContent = `Show ${Math.min(PAGE * 5, shown.length - limit)} more`;
  };
  const refilter = () => {
    const f = parseTrialFilter(filter.value, columns);
    shown = sorted.filter(f.test);
    limit = PAGE;
    const unknown = f.unknown.length ? `; ignored (no such column): ${f.unknown.join(" ")}` : "";
    const cut =
      data.trials.total > n ? ` (the best ${n} of ${data.trials.total}; trials.parquet has all)` : "";
    count.textContent = `${shown.length} of ${n} trials${cut}${unknown}`;
    render();
  };
  const headers = columns.map((c) =>
    h("th", { scope: "col", tabindex: 0, "aria-sort": "none", title: `sort by ${c.name}` }, c.label),
  );
  sortableHeaders(headers, (column) => {
    const c = columns[column]!;
    ascending = sortKey === c.name ? !ascending : !c.numeric || c.name === "trial";
    sortKey = c.name;
    sorted = sortRows(sorted, c.cell, ascending);
    refilter();
    return ascending;
  });
  filter.addEventListener("input", refilter);
  // Best first to begin with: as if the objective's header had been clicked once for descending.
  const objective = columns.findIndex((c) => c.name === "objective");
  sortKey = "objective";
  headers[objective]!.click();
  return h(
    "div",
    {},
    h("div", { class: "toolbar" }, h("label", { for: "trials-filter" }, "Filter trials "), filter, count),
    h(
      "p",
      { class: "note", id: "trials-filter-help" },
      "Terms separated by spaces, all must match: column>=value (=, !=, <, <=, >, >=; a parameter by its last name) or any text. Click a column header to sort.",
    ),
    h(
      "div",
      { class: "scroll trials-scroll" },
      h("table", { class: "trials", id: "trials" }, h("thead", {}, h("tr", {}, ...headers)), tbody),
    ),
    more,
  );
}
