/**
 * @module web/studio/sweep-page
 * One sweep: what it varies, its status, a live progress bar while it runs (trials done, best objective so
 * far) and Cancel; once complete, its top_k runs (links to their pages), its artifacts, and its report.html in
 * a frame (the same page `studio sweeps open` shows).
 */
import { formatMetric, plainNumber } from "../../report/format-metric.js";
import { shortId, strategyLabel } from "../../report/strategy-label.js";
import { runnableTrials, sweepLabel, trialCounts } from "../../report/sweep-label.js";
import { h } from "../common/dom.js";
import { type ApiError, api, isFinished, type RunView, type SweepView } from "./api.js";
import { followSweep } from "./live-sweep.js";

interface Manifest {
  files: { name: string; size: number }[];
}

function topRuns(runs: RunView[], objective: string): HTMLElement {
  if (runs.length === 0) return h("p", { class: "note", id: "top-runs" }, "No runs: the spec's top_k is 0.");
  const metric = (r: RunView, k: string) => formatMetric(k, r.metrics_summary?.[k]);
  const th = (t: string) => h("th", { scope: "col" }, t);
  const keys = ["total_return", "sharpe", "max_drawdown", "trade_count"];
  return h(
    "table",
    { class: "runs", id: "top-runs" },
    h(
      "caption",
      {},
      `the sweep's best trials by ${objective}, re-run as ordinary runs over the whole range (in-sample and holdout) with every artifact`,
    ),
    h("thead", {}, h("tr", {}, th("run"), th("strategy"), th("status"), ...keys.map(th))),
    h(
      "tbody",
      {},
      ...runs.map((r) =>
        h(
          "tr",
          { "data-run-id": r.run_id },
          h("td", {}, h("a", { href: `#/runs/${r.run_id}`, class: "mono" }, shortId(r.run_id))),
          h("td", { class: "wrap" }, strategyLabel(r.config)),
          h("td", {}, h("span", { class: `status ${r.status}` }, r.status)),
          ...keys.map((k) => h("td", { class: "num" }, metric(r, k))),
        ),
      ),
    ),
  );
}

export async function sweepPage(root: HTMLElement, sweepId: string): Promise<() => void> {
  let stop = () => {};
  const draw = async () => {
    stop();
    const sweep = await api<SweepView>(`/api/sweeps/${sweepId}`);
    const base = `/api/sweeps/${sweepId}`;
    const message = h("p", { class: "error", role: "alert" });
    const counts = h("span", { class: "note", id: "sweep-counts" }, trialCounts(sweep));
    const body: (Node | string)[] = [];
    const toolbar: (Node | string)[] = [
      h("span", { class: `status ${sweep.status}`, id: "sweep-status" }, sweep.status),
      counts,
    ];
    if (!isFinished(sweep.status)) {
      const cancel = h("button", { type: "button", id: "cancel-sweep" }, "Cancel");
      cancel.addEventListener("click", async () => {
        cancel.disabled = true;
        await api(`${base}/cancel`, { method: "POST" }).catch(
          (e: ApiError) => (message.textContent = `${e.code}: ${e.message}`),
        );
        void draw();
      });
      toolbar.push(cancel);
      const bar = h("progress", {
        max: Math.max(1, runnableTrials(sweep)),
        value: sweep.trials.done + sweep.trials.failed,
        id: "sweep-progress",
        "aria-label": "sweep progress",
      });
      const label = h("span", { class: "note", "aria-live": "polite" }, sweep.stage ?? sweep.status);
      body.push(h("div", { class: "live" }, bar, " ", label));
      stop = followSweep(sweepId, (p) => {
        if (p.total > 0) {
          bar.max = p.total;
          bar.value = p.done;
          counts.textContent = trialCounts(sweep, p.done);
        }
        const best = p.best === null ? "" : `, best ${sweep.objective} so far ${plainNumber(p.best)}`;
        label.textContent = `${p.done} / ${p.total} trials${best}`;
        if (p.ended) void draw();
      });
    } else if (sweep.status === "completed") {
      const [{ runs }, manifest] = await Promise.all([
        api<{ runs: RunView[] }>(`${base}/runs`),
        api<Manifest>(`${base}/artifacts/manifest.json`),
      ]);
      const report = `${base}/artifacts/report.html`;
      body.push(
        h("h2", {}, "Top runs"),
        topRuns(runs, sweep.objective),
        h("h2", {}, "Artifacts"),
        h(
          "ul",
          { class: "artifacts", id: "sweep-artifacts" },
          ...manifest.files.map((f) =>
            h(
              "li",
              {},
              h("a", { href: `${base}/artifacts/${encodeURIComponent(f.name)}` }, f.name),
              ` (${Math.max(1, Math.round(f.size / 1024))} KB)`,
            ),
          ),
        ),
        h("h2", {}, "Report"),
        h(
          "p",
          {},
          h("a", { href: report, target: "_blank", rel: "noopener" }, "Open the report in its own tab"),
        ),
        h("iframe", {
          class: "report-frame",
          id: "sweep-report-frame",
          title: `report of sweep ${shortId(sweepId)}`,
          src: report,
        }),
      );
    } else {
      message.textContent = `${sweep.error?.code ?? sweep.status}: ${sweep.error?.message ?? ""}`;
    }
    root.replaceChildren(
      h("p", {}, h("a", { href: "#/sweeps" }, "< all sweeps")),
      h("h1", {}, h("span", { class: "mono" }, shortId(sweepId)), " ", sweepLabel(sweep)),
      h(
        "p",
        { class: "sub" },
        `${sweep.symbol} ${sweep.timeframe}; objective ${sweep.objective}; varies ${sweep.dimensions.join(", ")}`,
      ),
      h("div", { class: "toolbar" }, ...toolbar, h("span", { class: "note mono" }, sweepId)),
      message,
      ...body,
    );
  };
  await draw();
  return () => stop();
}
