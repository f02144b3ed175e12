/**
 * @module web/studio/runs-page
 * The runs list: short id, strategy and params, market, status with a live progress bar for unfinished runs,
 * headline metrics. A filter box narrows by any shown text; column headers sort; checkboxes pick 2 to 4 runs
 * to compare.
 */
import { formatMetric, isoUtc } from "../../report/format-metric.js";
import { shortId, strategyLabel } from "../../report/strategy-label.js";
import { h } from "../common/dom.js";
import { api, type Catalog, isFinished, type RunView } from "./api.js";
import { followRun } from "./live-progress.js";

interface Row {
  run: RunView;
  cells: Record<string, string | number>;
}

const COLUMNS: [key: string, label: string][] = [
  ["id", "id"],
  ["strategy", "strategy"],
  ["market", "market"],
  ["status", "status"],
  ["total_return", "return"],
  ["sharpe", "sharpe"],
  ["max_drawdown", "max DD"],
  ["trade_count", "trades"],
  ["created", "created"],
];

function rowOf(run: RunView): Row {
  const m = run.metrics_summary ?? {};
  const c = run.config as { symbol?: string; timeframe?: string };
  return {
    run,
    cells: {
      id: shortId(run.run_id),
      strategy: strategyLabel(run.config),
      market: `${c.symbol ?? "?"} ${c.timeframe ?? ""}`,
      status: run.status,
      total_return: typeof m.total_return === "number" ? m.total_return : Number.NaN,
      sharpe: typeof m.sharpe === "number" ? m.sharpe : Number.NaN,
      max_drawdown: typeof m.max_drawdown === "number" ? m.max_drawdown : Number.NaN,
      trade_count: typeof m.trade_count === "number" ? m.trade_count : Number.NaN,
      created: run.created_at,
    },
  };
}

function show(key: string, v: string | number): string {
  if (typeof v === "string") return v;
  if (key === "created") return isoUtc(v).slice(0, 16).replace("T", " ");
  return Number.isNaN(v) ? "-" : formatMetric(key, v);
}

export async function runsPage(root: HTMLElement, catalog: Catalog): Promise<() => void> {
  const { runs } = await api<{ runs: RunView[] }>("/api/runs?limit=200");
  let rows = runs.map(rowOf);
  let sortKey = "created";
  let ascending = false;
  const selected = new Set<string>();
  const stops: (() => void)[] = [];
  const filter = h("input", {
    type: "search",
    id: "runs-filter",
    placeholder: "strategy, symbol, status, id",
    "aria-label": "filter runs",
  });
  const compare = h("button", { type: "button", id: "compare-selected", disabled: true }, "Compare selected");
  const tbody = h("tbody");
  const count = h("span", { class: "note", "aria-live": "polite" });

  const progressCell = (run: RunView) => {
    if (isFinished(run.status)) return h("span", { class: `status ${run.status}` }, run.status);
    const bar = h("progress", {
      max: 1,
      value: run.progress?.ratio ?? 0,
      "aria-label": `progress of run ${shortId(run.run_id)}`,
    });
    const label = h("span", { class: "note" }, run.status);
    stops.push(
      followRun(run.run_id, catalog.stages, (p) => {
        bar.value = p.overall;
        label.textContent = p.ended
          ? (p.status ?? "finished")
          : `${p.stage ?? run.status} ${Math.round(p.overall * 100)}%`;
      }),
    );
    return h("span", { class: "live" }, bar, " ", label);
  };

  const render = () => {
    const q = filter.value.trim().toLowerCase();
    const shown = rows
      .filter(
        (r) =>
          !q ||
          Object.values(r.cells).some((v) => String(v).toLowerCase().includes(q)) ||
          r.run.run_id.startsWith(q),
      )
      .sort((a, b) => {
        const x = a.cells[sortKey]!;
        const y = b.cells[sortKey]!;
        const c =
          typeof x === "number" && typeof y === "number"
            ? Number.isNaN(x)
              ? -1
              : Number.isNaN(y)
                ? 1
                : x - y
            : String(x).localeCompare(String(y));
        return ascending ? c : -c;
      });
    for (const s of stops.splice(0)) s();
    tbody.replaceChildren(
      ...shown.map((r) => {
        const id = r.run.run_id;
        const box = h("input", {
          type: "checkbox",
          "aria-label": `select run ${shortId(id)} to compare`,
          checked: selected.has(id),
        });
        box.addEventListener("change", () => {
          if (box.checked) selected.add(id);
          else selected.delete(id);
          compare.disabled = selected.size < 2 || selected.size > 4;
        });
        return h(
          "tr",
          { "data-run-id": id },
          h("td", {}, box),
          ...COLUMNS.map(([k]) => {
            if (k === "id")
              return h("td", {}, h("a", { href: `#/runs/${id}`, class: "mono" }, show(k, r.cells[k]!)));
            if (k === "status") return h("td", {}, progressCell(r.run));
            const cls = typeof r.cells[k] === "number" ? "num" : k === "strategy" ? "wrap" : "";
            return h("td", { class: cls }, show(k, r.cells[k]!));
          }),
        );
      }),
    );
    count.textContent = `${shown.length} of ${rows.length} runs`;
  };
  const headers = COLUMNS.map(([key, label]) => {
    const b = h("button", { type: "button", class: "sort" }, label);
    b.addEventListener("click", () => {
      ascending = sortKey === key ? !ascending : key !== "created";
      sortKey = key;
      render();
    });
    return h("th", { scope: "col" }, b);
  });
  filter.addEventListener("input", render);
  compare.addEventListener("click", () => {
    location.hash = `#/compare/${[...selected].join(",")}`;
  });
  root.replaceChildren(
    h("h1", {}, "Runs"),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "runs-filter" }, "Filter "),
      filter,
      compare,
      h("a", { href: "#/new", class: "button primary", id: "new-run" }, "New run"),
      count,
    ),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "runs", id: "runs-table" },
        h(
          "thead",
          {},
          h("tr", {}, h("th", { scope: "col" }, h("span", { class: "sr" }, "select")), ...headers),
        ),
        tbody,
      ),
    ),
  );
  render();
  // Refresh rows of runs that finished, so their metrics appear without a reload.
  const timer = setInterval(async () => {
    if (!rows.some((r) => !isFinished(r.run.status))) return;
    const fresh = await api<{ runs: RunView[] }>("/api/runs?limit=200").catch(() => undefined);
    if (!fresh) return;
    const changed = fresh.runs.some(
      (f) => rows.find((r) => r.run.run_id === f.run_id)?.run.status !== f.status,
    );
    if (changed) {
      rows = fresh.runs.map(rowOf);
      render();
    }
  }, 1500);
  return () => {
    clearInterval(timer);
    for (const s of stops.splice(0)) s();
  };
}
