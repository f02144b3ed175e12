/**
 * @module runs/final-events
 * The `status` and `end` events that describe a finished run, built from its row. Used when the live events are
 * not in this process: a run finished before the process started, or one another process executed.
 */
import type { RunEvent, RunEventData, RunStatus } from "./events.js";

export interface FinishedRun {
  readonly status: RunStatus;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly metricsSummary: Record<string, unknown> | null;
}

export function finalEventData(run: FinishedRun): {
  status: RunEventData["status"];
  end: RunEventData["end"];
} {
  const error = run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? "" } : undefined;
  return {
    status: {
      status: run.status,
      ...(error ? { error_code: error.code, error_message: error.message } : {}),
    },
    end: {
      status: run.status,
      ...(error ? { error } : {}),
      ...(run.metricsSummary ? { metrics_summary: run.metricsSummary } : {}),
    },
  };
}

/** The two final events, numbered to end at `lastSeq` (the last seq the run emitted, at least 2). */
export function finalEvents(runId: string, run: FinishedRun, lastSeq: number, ts: number): RunEvent[] {
  const last = Math.max(lastSeq, 2);
  const data = finalEventData(run);
  return [
    { run_id: runId, seq: last - 1, type: "status", ts, data: data.status },
    { run_id: runId, seq: last, type: "end", ts, data: data.end },
  ];
}
