/**
 * @module runs/events/final-events
 * The `status` and `end` events that describe a finished run, built from its row. Used when the live events are
 * not in this process: a run finished before the process started, one another process executed, or one that
 * start-up recovery ended for a process that crashed.
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

/**
 * The two final events of a run that has just finished without emitting them (start-up recovery of a crashed
 * run): they come after everything it emitted, `lastSeq + 1` and `lastSeq + 2`, so a client that saw `lastSeq`
 * still receives them.
 */
export function finalEventsAfter(runId: string, run: FinishedRun, lastSeq: number, ts: number): RunEvent[] {
  const data = finalEventData(run);
  return [
    { run_id: runId, seq: lastSeq + 1, type: "status", ts, data: data.status },
    { run_id: runId, seq: lastSeq + 2, type: "end", ts, data: data.end },
  ];
}

/**
 * The final events of a finished run replayed from its row: `run_progress` recorded its `end` at `endSeq`, so
 * they are numbered to end there (at least 1 and 2).
 */
export function finalEvents(runId: string, run: FinishedRun, endSeq: number, ts: number): RunEvent[] {
  return finalEventsAfter(runId, run, Math.max(endSeq, 2) - 2, ts);
}
