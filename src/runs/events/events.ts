/**
 * @module runs/events/events
 * The run event vocabulary. Every event carries a per-run `seq` that only grows, so a consumer that saw seq k
 * (an SSE client with `Last-Event-ID: k`, a CLI progress bar) can ask for exactly what came after. The CLI and
 * the HTTP server consume the same events.
 */

import type { RunStatus } from "../../store/repos/runs-repo.js";

export { RUN_STATUSES, type RunStatus } from "../../store/repos/runs-repo.js";
export const TERMINAL_STATUSES: readonly RunStatus[] = ["completed", "failed", "cancelled"];

export const STAGES = [
  "data_loading",
  "indicators",
  "simulation",
  "metrics",
  "validation",
  "artifacts",
] as const;
export type Stage = (typeof STAGES)[number];

/** Work done per validation method, in that method's own units (replications, or walk-forward runs). */
export type MethodProgress = Record<string, { done: number; total: number }>;

export type RunEventType = "status" | "stage" | "progress" | "log" | "end";

export interface RunEventData {
  status: { status: RunStatus; error_code?: string; error_message?: string };
  stage: { stage: Stage; index: number; total: number };
  /** `methods`: validation only, each method's replications or runs done of its total (for per-method bars). */
  progress: { stage: Stage; ratio: number; methods?: MethodProgress };
  log: { level: "info" | "warn"; message: string };
  end: {
    status: RunStatus;
    error?: { code: string; message: string };
    metrics_summary?: Record<string, unknown>;
  };
}

export interface RunEvent<T extends RunEventType = RunEventType> {
  readonly run_id: string;
  readonly seq: number;
  readonly type: T;
  /** Epoch ms when the event was emitted. */
  readonly ts: number;
  readonly data: RunEventData[T];
}

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
