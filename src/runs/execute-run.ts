/**
 * @module runs/execute-run
 * Executes one queued run: claims it (queued -> running, with this process as owner), runs the pipeline with a
 * context that turns stages and progress into events, then records the outcome. Whatever happens, the row, the
 * events and the run folder agree: completed with its manifest hash, or failed / cancelled with an error code
 * and no files left behind.
 */
import { rmSync } from "node:fs";
import { StudioError, toStudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import type { HomePaths } from "../store/home.js";
import type { RunStatus } from "../store/runs-repo.js";
import type { Store } from "../store/store.js";
import type { EventHub } from "./event-hub.js";
import { STAGES, type Stage } from "./events.js";
import type { Pipeline, PipelineContext } from "./pipeline-types.js";
import type { ProgressRecorder } from "./progress-recorder.js";
import { applyRetention } from "./retention.js";
import { runDir, stagingDir } from "./run-paths.js";

export interface ExecuteDeps {
  readonly store: Store;
  readonly hub: EventHub;
  readonly home: HomePaths;
  readonly pipeline: Pipeline;
  readonly progress: ProgressRecorder;
  readonly clock: () => number;
  readonly keepCompleted: number;
}

export async function executeRun(deps: ExecuteDeps, runId: string, signal: AbortSignal): Promise<void> {
  const { store, hub, home, clock } = deps;
  const row = store.runs.get(runId);
  if (row?.status !== "queued") return;
  const channel = hub.channel(runId, store.runProgress.get(runId)?.lastSeq ?? 0);
  const startedAt = clock();
  const claimed = store.runs.update(
    runId,
    { status: "running", startedAt, updatedAt: startedAt, ownerPid: process.pid },
    ["queued"],
  );
  if (!claimed) return;
  channel.emit("status", { status: "running" });
  const ctx: PipelineContext = {
    run: store.runs.get(runId)!,
    config: JSON.parse(row.configJson) as RunConfig,
    home,
    store,
    signal,
    clock,
    stage: (stage: Stage) => {
      deps.progress.enter(runId, stage);
      store.runs.update(runId, { stage, updatedAt: clock() });
      channel.emit("stage", { stage, index: STAGES.indexOf(stage), total: STAGES.length });
    },
    progress: (ratio: number) => {
      channel.emit("progress", {
        stage: deps.progress.stageOf(runId),
        ratio: Math.min(1, Math.max(0, ratio)),
      });
    },
    log: (message, level = "info") => channel.emit("log", { level, message }),
    checkCancelled: () => {
      if (signal.aborted) throw new StudioError("CANCELLED", "run cancelled by the user");
    },
  };
  try {
    const result = await deps.pipeline(ctx);
    ctx.checkCancelled();
    const done = store.runs.update(
      runId,
      {
        status: "completed",
        completedAt: result.completedAt,
        finishedAt: result.completedAt,
        updatedAt: result.completedAt,
        metricsSummaryJson: JSON.stringify(result.metricsSummary),
        artifactsManifestSha: result.manifestSha,
      },
      ["running"],
    );
    if (!done) throw new StudioError("INTERNAL", `run ${runId} changed status while completing`);
    channel.emit("status", { status: "completed" });
    channel.emit("end", { status: "completed", metrics_summary: result.metricsSummary });
    applyRetention(store, home, deps.keepCompleted, clock());
  } catch (err) {
    const e = signal.aborted ? new StudioError("CANCELLED", "run cancelled by the user") : toStudioError(err);
    const status: RunStatus = e.code === "CANCELLED" ? "cancelled" : "failed";
    rmSync(stagingDir(home, runId), { recursive: true, force: true });
    rmSync(runDir(home, runId), { recursive: true, force: true });
    const now = clock();
    store.runs.update(
      runId,
      { status, errorCode: e.code, errorMessage: e.message, finishedAt: now, updatedAt: now },
      ["running"],
    );
    channel.emit("status", { status, error_code: e.code, error_message: e.message });
    channel.emit("end", { status, error: { code: e.code, message: e.message } });
  } finally {
    deps.progress.forget(runId);
  }
}
