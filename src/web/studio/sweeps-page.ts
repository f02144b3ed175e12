/**
 * @module web/studio/sweeps-page
 * The sweeps list, newest first: short id, strategy and varied parameters, market, objective, status with a
 * live progress bar (trials done of the trials that can run, best objective so far) for queued and running
 * sweeps, trial counts, best objective, created. A filter box narrows by any shown text. The list is read again
 * when a followed sweep ends, and every 2 s while one is unfinished: a sweep another process runs (`studio
 * sweep`) has no events here, but its row's counts move.
 */
import { isoUtc, plainNumber } from "../../report/format-metric.js";
import { shortId } from "../../report/strategy-label.js";
import { runnableTrials, sweepLabel, trialCounts } from "../../report/sweep-label.js";
import { h } from "../common/dom.js";
import { api, isFinished, type SweepView } from "./api.js";
import { followSweep } from "./live-sweep.js";

const best = (v: number | null): string => (v === null ? "-" : plainNumber(Number(v.toPrecision(7))));

export async function sweepsPage(root: HTMLElement): Promise<() => void> {
  let sweeps = (await api<{ sweeps: SweepView[] }>("/api/sweeps")).sweeps;
  const stops: (() => void)[] = [];
  const filter = h("input", {
    type: "search",
    id: "sweeps-filter",
    placeholder: "strategy, parameter, symbol, status, id",
  });
  const tbody = h("tbody");
  const count = h("span", { class: "note", "aria-live": "polite" });

  const statusCell = (s: SweepView, trialsCell: HTMLElement, bestCell: HTMLElement) => {
    if (isFinished(s.status)) return h("span", { class: `status ${s.status}` }, s.status);
    const bar = h("progress", {
      max: Math.max(1, runnableTrials(s)),
      value: s.trials.done + s.trials.failed,
      "aria-label": `progress of sweep ${shortId(s.sweep_id)}`,
    });
    const label = h("span", { class: "note" }, s.stage ?? s.status);
    stops.push(
      followSweep(s.sweep_id, (p) => {
        if (p.total > 0) {
          bar.max = p.total;
          bar.value = p.done;
          trialsCell.textContent = trialCounts(s, p.done);
          bestCell.textContent = best(p.best);
        }
        label.textContent = p.ended ? (p.status ?? "finished") : `${p.done} / ${p.total}`;
        if (p.ended) void refresh();
      }),
    );
    return h("span", { class: "live" }, bar, " ", label);
  };

  const render = () => {
    for (const s of stops.splice(0)) s();
    const q = filter.value.trim().toLowerCase();
    const text = (s: SweepView) =>
      [s.sweep_id, sweepLabel(s), s.symbol, s.timeframe, s.status, s.objective, ...s.dimensions]
        .join(" ")
        .toLowerCase();
    const shown = sweeps.filter((s) => !q || text(s).includes(q));
    tbody.replaceChildren(
      ...shown.map((s) => {
        const trialsCell = h("td", { class: "num" }, trialCounts(s));
        const bestCell = h("td", { class: "num" }, best(s.best_objective));
        return h(
          "tr",
          { "data-sweep-id": s.sweep_id },
          h("td", {}, h("a", { href: `#/sweeps/${s.sweep_id}`, class: "mono" }, shortId(s.sweep_id))),
          h("td", { class: "wrap" }, sweepLabel(s)),
          h("td", {}, `${s.symbol} ${s.timeframe}`),
          h("td", {}, s.objective),
          h("td", {}, statusCell(s, trialsCell, bestCell)),
          trialsCell,
          bestCell,
          h("td", {}, isoUtc(s.created_at).slice(0, 16).replace("T", " ")),
        );
      }),
    );
    count.textContent = `${shown.length} of ${sweeps.length} sweeps`;
  };
  const refresh = async () => {
    const fresh = await api<{ sweeps: SweepView[] }>("/api/sweeps").catch(() => undefined);
    if (!fresh) return;
    sweeps = fresh.sweeps;
    render();
  };
  filter.addEventListener("input", render);
  const th = (t: string) => h("th", { scope: "col" }, t);
  root.replaceChildren(
    h("h1", {}, "Sweeps"),
    h("div", { class: "toolbar" }, h("label", { for: "sweeps-filter" }, "Filter "), filter, count),
    ...(sweeps.length === 0
      ? [
          h(
            "p",
            { class: "note", id: "no-sweeps" },
            "No sweeps yet: submit a spec with `studio sweep SPEC.json` or POST /api/sweeps (docs/sweeps.md).",
          ),
        ]
      : []),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "runs", id: "sweeps-table" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            th("id"),
            th("strategy: varied"),
            th("market"),
            th("objective"),
            th("status"),
            th("trials"),
            th("best objective"),
            th("created"),
          ),
        ),
        tbody,
      ),
    ),
  );
  render();
  const timer = setInterval(async () => {
    if (sweeps.every((s) => isFinished(s.status))) return;
    const fresh = await api<{ sweeps: SweepView[] }>("/api/sweeps").catch(() => undefined);
    const key = (list: SweepView[]) => list.map((s) => `${s.sweep_id}:${s.status}:${s.trials.done}`).join();
    if (fresh && key(fresh.sweeps) !== key(sweeps)) {
      sweeps = fresh.sweeps;
      render();
    }
  }, 2000);
  return () => {
    clearInterval(timer);
    for (const s of stops.splice(0)) s();
  };
}
