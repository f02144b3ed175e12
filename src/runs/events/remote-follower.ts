/**
 * @module runs/events/remote-follower
 * Follows a run that another studio process is executing (a CLI run watched through a server sharing the same
 * home, or the reverse). Its live events exist only in that process, so this one polls the database and turns
 * what it sees into events on the local channel: stage changes, progress from `run_progress`, and the final
 * status and `end` once the row is finished. Subscribers and `waitFor` then behave as for a local run.
 */
import type { Store } from "../../store/store.js";
import type { RunChannel } from "./event-hub.js";
import { isTerminal, type RunEventData, STAGES, type Stage } from "./events.js";
import { finalEventData } from "./final-events.js";

export const REMOTE_POLL_MS = 250;

/** Starts polling; returns a stop function. Stops by itself after emitting `end`. */
export function followRemote(store: Store, channel: RunChannel, intervalMs = REMOTE_POLL_MS): () => void {
  let lastStage: string | null = null;
  let lastRatio = -1;
  const end = (data: RunEventData["end"]): void => {
    // Stop first: whatever a listener does with the end (it may throw), polling is over.
    stop();
    channel.emit("end", data);
  };
  const poll = (): void => {
    const row = store.runs.get(channel.runId);
    if (!row) {
      end({ status: "failed", error: { code: "NOT_FOUND", message: "the run was deleted" } });
      return;
    }
    if (row.stage && row.stage !== lastStage && STAGES.includes(row.stage as Stage)) {
      lastStage = row.stage;
      lastRatio = -1;
      const index = STAGES.indexOf(row.stage as Stage);
      channel.emit("stage", { stage: row.stage as Stage, index, total: STAGES.length });
    }
    const progress = store.runProgress.get(channel.runId);
    if (lastStage && progress && progress.progressRatio !== lastRatio) {
      lastRatio = progress.progressRatio;
      // run_progress holds the ratio over the whole run; events carry the ratio within the stage.
      const within = progress.progressRatio * STAGES.length - STAGES.indexOf(lastStage as Stage);
      channel.emit("progress", { stage: lastStage as Stage, ratio: Math.min(1, Math.max(0, within)) });
    }
    if (isTerminal(row.status)) {
      const data = finalEventData({
        status: row.status,
        errorCode: row.errorCode,
        errorMessage: row.errorMessage,
        metricsSummary: row.metricsSummaryJson ? JSON.parse(row.metricsSummaryJson) : null,
      });
      channel.emit("status", data.status);
      end(data.end);
    }
  };
  // A timer callback that throws would crash the process: a failed read (database busy) is retried next tick.
  const timer = setInterval(() => {
    try {
      poll();
    } catch {
      // Transient; the next poll reads again.
    }
  }, intervalMs);
  function stop(): void {
    clearInterval(timer);
  }
  return stop;
}
