/**
 * @module web/report/trades-table
 * The round trips as a table sortable by any column (click or Enter on a header; again to reverse), sorted
 * over every row but drawn 300 at a time until asked for all. The exit reason column appears when the run has one.
 */
import { humanDuration, isoUtc, percent, plainNumber } from "../../report/format-metric.js";
import type { ReportData } from "../../report/report-data.js";
import { h } from "../common/dom.js";
import { sortableHeaders, sortRows } from "../common/sortable.js";

const PAGE = 300;

const COLUMNS: [key: string, label: string][] = [
  ["entry_ts", "entry"],
  ["exit_ts", "exit"],
  ["side", "side"],
  ["qty", "qty"],
  ["entry_price", "entry price"],
  ["exit_price", "exit price"],
  ["pnl", "P&L"],
  ["return_pct", "return"],
  ["bars", "duration"],
  ["exit_reason", "exit reason"],
];

export function tradesTable(data: ReportData): HTMLElement {
  const cols = data.trades.columns;
  const present = COLUMNS.filter(([k]) => cols[k] !== undefined);
  const n = (cols.entry_ts ?? []).length;
  const cell = (key: string, i: number): string => {
    const v = cols[key]![i]!;
    if (typeof v === "string") return v;
    if (key.endsWith("_ts")) return isoUtc(v);
    if (key === "return_pct") return percent(v);
    if (key === "bars") return data.barMs ? `${v} bars (${humanDuration(v * data.barMs)})` : `${v} bars`;
    return plainNumber(v);
  };
  let order = Array.from({ length: n }, (_, i) => i);
  let sortKey = "";
  let ascending = true;
  const tbody = h("tbody");
  // Thousands of rows cost the page its first second; the first PAGE are drawn, the rest on request.
  let limit = PAGE;
  const more = h("button", { type: "button", id: "trades-more" }, `Show all ${n} trades`);
  more.addEventListener("click", () => {
    limit = n;
    more.remove();
    render();
  });
  const render = () => {
    tbody.replaceChildren(
      ...order
        .slice(0, limit)
        .map((i) =>
          h(
            "tr",
            {},
            ...present.map(([k]) =>
              h("td", { class: typeof cols[k]![i] === "number" ? "num" : "" }, cell(k, i)),
            ),
          ),
        ),
    );
  };
  const headers = present.map(([, label]) =>
    h("th", { scope: "col", tabindex: 0, "aria-sort": "none", title: `sort by ${label}` }, label),
  );
  sortableHeaders(headers, (column) => {
    const key = present[column]![0];
    ascending = sortKey === key ? !ascending : true;
    sortKey = key;
    const v = cols[key]!;
    order = sortRows(order, (i) => v[i]!, ascending);
    render();
    return ascending;
  });
  render();
  const note =
    data.trades.total > n
      ? h(
          "p",
          { class: "note" },
          `showing the first ${n} of ${data.trades.total} trades (round_trips.parquet has all)`,
        )
      : h("p", { class: "note" }, `${n} trades; click a column header to sort`);
  return h(
    "div",
    {},
    note,
    h(
      "div",
      { class: "scroll" },
      h("table", { class: "trades", id: "trades" }, h("thead", {}, h("tr", {}, ...headers)), tbody),
    ),
    n > PAGE ? more : null,
  );
}
