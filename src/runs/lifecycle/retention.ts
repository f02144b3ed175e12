/**
 * @module runs/lifecycle/retention
 * Keeps the newest `keep` completed runs (by completion time) and deletes older ones, folder and row together.
 * Queued, running, failed and cancelled runs are never touched: only completed runs count and only they go.
 */
import type { HomePaths } from "../../store/home.js";
import type { Store } from "../../store/store.js";
import { removeRun } from "./remove-run.js";

export const DEFAULT_KEEP_COMPLETED = 100;

export function applyRetention(store: Store, home: HomePaths, keep: number, now: number): string[] {
  const old = store.runs.listCompleted({ offset: keep });
  const deleted: string[] = [];
  for (const run of old) if (removeRun(store, home, run.runId)) deleted.push(run.runId);
  store.retention.set("last_sweep_at", now, now);
  if (deleted.length > 0) store.retention.increment("deleted_total", deleted.length, now);
  return deleted;
}
