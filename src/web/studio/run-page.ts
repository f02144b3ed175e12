/**
 * @module web/studio/run-page
 * One run: its name, status and live progress while it runs, then its report.html in a frame (the same page
 * `studio runs open` shows). Cancel while it runs; delete once it has finished.
 */
import { shortId, strategyLabel } from "../../report/strategy-label.js";
import { h } from "../common/dom.js";
import { type ApiError, api, type Catalog, isFinished, type RunView } from "./api.js";
import { followRun } from "./live-progress.js";

export async function runPage(root: HTMLElement, catalog: Catalog, runId: string): Promise<() => void> {
  let stop = () => {};
  const draw = async () => {
    stop();
    const run = await api<RunView>(`/api/runs/${runId}`);
    const status = h("span", { class: `status ${run.status}`, id: "run-status" }, run.status);
    const bar = h("progress", { max: 1, value: 0, id: "run-progress", "aria-label": "run progress" });
    const stageLabel = h("span", { class: "note", "aria-live": "polite" });
    const message = h("p", { class: "error", role: "alert" });
    const cancel = h("button", { type: "button", id: "cancel-run" }, "Cancel");
    const del = h("button", { type: "button", id: "delete-run" }, "Delete");
    cancel.addEventListener("click", async () => {
      cancel.disabled = true;
      await api(`/api/runs/${runId}/cancel`, { method: "POST" }).catch(
        (e: ApiError) => (message.textContent = `${e.code}: ${e.message}`),
      );
      void draw();
    });
    del.addEventListener("click", async () => {
      if (!confirm(`Delete run ${shortId(runId)} and its artifacts?`)) return;
      try {
        await api(`/api/runs/${runId}`, { method: "DELETE" });
        location.hash = "#/";
      } catch (e) {
        message.textContent = `${(e as ApiError).code}: ${(e as ApiError).message}`;
      }
    });
    const body: (Node | string)[] = [];
    if (!isFinished(run.status)) {
      body.push(h("div", { class: "live" }, bar, " ", stageLabel));
      stop = followRun(runId, catalog.stages, (p) => {
        bar.value = p.overall;
        stageLabel.textContent = `${p.stage ?? run.status} ${Math.round(p.overall * 100)}%`;
        if (p.ended) void draw();
      });
    } else if (run.status === "completed") {
      body.push(
        h(
          "p",
          {},
          h(
            "a",
            { href: `/api/runs/${runId}/artifacts/report.html`, target: "_blank", rel: "noopener" },
            "Open the report in its own tab",
          ),
        ),
        h("iframe", {
          class: "report-frame",
          id: "report-frame",
          title: `report of run ${shortId(runId)}`,
          src: `/api/runs/${runId}/artifacts/report.html`,
        }),
      );
    } else {
      message.textContent = `${run.error_code ?? run.status}: ${run.error_message ?? ""}`;
    }
    root.replaceChildren(
      h("p", {}, h("a", { href: "#/" }, "< all runs")),
      h("h1", {}, h("span", { class: "mono" }, shortId(runId)), " ", strategyLabel(run.config)),
      h(
        "div",
        { class: "toolbar" },
        status,
        isFinished(run.status) ? del : cancel,
        h("span", { class: "note mono" }, runId),
      ),
      message,
      ...body,
    );
  };
  await draw();
  return () => stop();
}
