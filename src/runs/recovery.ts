/**
 * @module runs/recovery
 * Start-up recovery after a crash or a hard stop. A run left `running` by a process that is gone can never
 * finish: it becomes `failed` with INTERRUPTED and its partial files are removed. Staging and trash folders
 * left by interrupted writes or deletions are swept. Queued runs are returned, oldest first, to be queued again.
 */
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { HomePaths } from "../store/home.js";
import type { RunRow } from "../store/runs-repo.js";
import type { Store } from "../store/store.js";
import { runDir, STAGING_PREFIX, TRASH_PREFIX } from "./run-paths.js";

export interface RecoveryResult {
  readonly interrupted: string[];
  readonly queued: string[];
}

/**
 * `isOrphan(run)` says whether a running run has no live owner; the studio passes "its owner process is gone",
 * so a run a server in another process is executing is left alone (default: every running run is orphaned).
 */
export function recoverRuns(
  store: Store,
  home: HomePaths,
  now: number,
  isOrphan: (run: RunRow) => boolean = () => true,
): RecoveryResult {
  const interrupted: string[] = [];
  const live = new Set<string>();
  for (const run of store.runs.list({ status: "running" })) {
    if (!isOrphan(run)) {
      live.add(run.runId);
      continue;
    }
    const changed = store.runs.update(
      run.runId,
      {
        status: "failed",
        errorCode: "INTERRUPTED",
        errorMessage: `the process running this run stopped during stage ${run.stage ?? "(none)"}; start it again`,
        completedAt: now,
        updatedAt: now,
      },
      ["running"],
    );
    if (changed) {
      rmSync(runDir(home, run.runId), { recursive: true, force: true });
      interrupted.push(run.runId);
    }
  }
  sweepLeftovers(home, live);
  const queued = store.runs
    .list({ status: "queued" })
    .sort((a, b) => a.createdAt - b.createdAt || (a.runId < b.runId ? -1 : 1))
    .map((r) => r.runId);
  return { interrupted, queued };
}

/** Removes staging and trash folders except those of runs a live process still owns. */
function sweepLeftovers(home: HomePaths, live: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(home.runs);
  } catch {
    return;
  }
  for (const name of names) {
    const prefix = [STAGING_PREFIX, TRASH_PREFIX].find((p) => name.startsWith(p));
    if (prefix === undefined || live.has(name.slice(prefix.length))) continue;
    rmSync(path.join(home.runs, name), { recursive: true, force: true });
  }
}
