/**
 * @module runs/lifecycle/remove-run
 * Deletes a run's folder and row together. The folder is first renamed to a trash name (atomic), then the row is
 * deleted, then the trash is removed: at no point does a row point at a half-deleted folder, and a crash leaves
 * only a trash folder that start-up recovery sweeps.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import type { HomePaths } from "../../store/home.js";
import type { Store } from "../../store/store.js";
import { runDir, trashDir } from "../run-paths.js";

export function removeRun(store: Store, home: HomePaths, runId: string): boolean {
  const dir = runDir(home, runId);
  const trash = trashDir(home, runId);
  if (existsSync(dir)) renameSync(dir, trash);
  const existed = store.runs.delete(runId);
  rmSync(trash, { recursive: true, force: true });
  return existed;
}
