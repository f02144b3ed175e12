/**
 * @module runs/lifecycle/execute-run
 * Executes one queued run: claims it (queued -> running, with this process as owner), runs the pipeline with a
 * context that turns stages and progress into events, then records the outcome. Whatever happens, the row, the
 * events and the run folder agree: completed with its manifest hash, or failed / cancelled with an error code
 * and no files left behind. The failure path cannot itself fail: files are removed first (on a full disk that
 * frees the space the record needs), the outcome goes through the OutcomeRecorder (kept in memory and retried
 * when the database cannot be written), and the final `status` and `end` events are always sent.
 */
import { rmSync } from "node:fs";
import { StudioError, toStudioError } from "../../core/errors.js";
import type { RunConfig } from "../../core/run-config.js";
import type { HomePaths } from "../../store/home.js";
import type { RunStatus } from "../../store/repos/runs-repo.js";
import type { Store } from "../../store/store.js";
import type { EventHub, RunChannel } from "../events/event-hub.js";
import { type MethodProgress, STAGES, type Stage } from "../events/events.js";
import type { ProgressRecorder } from "../events/progress-recorder.js";
import type { Pipeline, PipelineContext } from "../pipeline-types.js";
import { runDir, stagingDir } from "../run-paths.js";
import type { OutcomeRecorder } from "./outcome-recorder.js";
import { applyRetention } from "./retention.js";

export interface ExecuteDeps {
  readonly store: Store;
  readonly hub: EventHub;
  readonly home: HomePaths;
  readonly pipeline: Pipeline;
  readonly progress: ProgressRecorder;
  readonly outcomes: OutcomeRecorder;
  readonly clock: () => number;
  readonly keepCompleted: number;
}

export async function executeRun(deps: ExecuteDeps, runId: string, signal: AbortSignal): Promise<void> {
  const { store, hub, home, clock } = deps;
  let channel: RunChannel | undefined;
  let completed = false;
  try {
    const row = store.runs.get(runId);
    if (row?.status !== "queued") return;
    channel = hub.channel(runId, store.runProgress.get(runId)?.lastSeq ?? 0);
    const startedAt = clock();
    const claimed = store.runs.update(
      runId,
      { status: "running", startedAt, updatedAt: startedAt, ownerPid: process.pid },
      ["queued"],
    );
    if (!claimed) return;
    const ch = channel;
    ch.emit("status", { status: "running" });
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
        ch.emit("stage", { stage, index: STAGES.indexOf(stage), total: STAGES.length });
      },
      progress: (ratio: number, methods?: MethodProgress) => {
        ch.emit("progress", {
          stage: deps.progress.stageOf(runId),
          ratio: Math.min(1, Math.max(0, ratio)),
          ...(methods ? { methods } : {}),
        });
      },
      log: (message, level = "info") => ch.emit("log", { level, message }),
      checkCancelled: () => {
        if (signal.aborted) throw new StudioError("CANCELLED", "run cancelled by the user");
      },
    };
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
    completed = true;
    // Past this point the run is completed; a throwing listener must not send it down the failure path.
    quietly(() => ch.emit("status", { status: "completed" }));
    quietly(() => ch.emit("end", { status: "completed", metrics_summary: result.metricsSummary }));
  } catch (err) {
    const e = signal.aborted ? new StudioError("CANCELLED", "run cancelled by the user") : toStudioError(err);
    endUnsuccessfully(deps, channel ?? hub.channel(runId), runId, e);
  } finally {
    deps.progress.forget(runId);
  }
  if (completed) {
    try {
      applyRetention(store, home, deps.keepCompleted, clock());
    } catch {
      // Retention runs again after the next completed run; it must never turn this one into a failure.
    }
  }
}

/** Records a failed or cancelled run and sends its final events; never throws. */
function endUnsuccessfully(deps: ExecuteDeps, channel: RunChannel, runId: string, e: StudioError): void {
  const status: RunStatus = e.code === "CANCELLED" ? "cancelled" : "failed";
  quietly(() => rmSync(stagingDir(deps.home, runId), { recursive: true, force: true }));
  quietly(() => rmSync(runDir(deps.home, runId), { recursive: true, force: true }));
  const now = deps.clock();
  deps.outcomes.record(
    runId,
    { status, errorCode: e.code, errorMessage: e.message, finishedAt: now, updatedAt: now },
    ["queued", "running"],
  );
  quietly(() => channel.emit("status", { status, error_code: e.code, error_message: e.message }));
  quietly(() => channel.emit("end", { status, error: { code: e.code, message: e.message } }));
}

/** A cleanup step that fails (a folder start-up recovery sweeps later, a listener that threw) must not stop the rest. */
function quietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // Nothing better to do here; the steps after this one still run.
  }
}
