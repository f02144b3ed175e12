/**
 * @module runs/lifecycle/recovery
 * Start-up recovery after a crash or a hard stop. A run left `running` by a process that is gone can never
 * finish: it becomes `failed` with INTERRUPTED, its final `status` and `end` events are numbered after the last
 * one it emitted (and recorded in `run_progress`, so a client reconnecting after that event learns the outcome),
 * and its partial files are removed. Staging and trash folders left by interrupted writes or deletions are swept,
 * and so are temporary files of interrupted cache writes. Queued runs are returned, oldest first, to be queued
 * again.
 */
import { type Dirent, lstatSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { TEMP_PREFIX } from "../../store/atomic-write.js";
import type { HomePaths } from "../../store/home.js";
import type { RunRow } from "../../store/repos/runs-repo.js";
import type { Store } from "../../store/store.js";
import { finalEventsAfter } from "../events/final-events.js";
import { runDir, STAGING_PREFIX, TRASH_PREFIX } from "../run-paths.js";

export interface RecoveryResult {
  readonly interrupted: string[];
  readonly queued: string[];
}

/**
 * A cache write in progress touches its temporary file continuously; one untouched for this long belongs to a
 * process that is gone. (Another live process may share the home, so a fresh one is left alone.)
 */
export const TEMP_FILE_GRACE_MS = 10 * 60_000;

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
    if (interrupt(store, run, now)) {
      rmSync(runDir(home, run.runId), { recursive: true, force: true });
      interrupted.push(run.runId);
    }
  }
  sweepLeftovers(home, live);
  sweepTempFiles(home.cache, now - TEMP_FILE_GRACE_MS);
  const queued = store.runs
    .list({ status: "queued" })
    .sort((a, b) => a.createdAt - b.createdAt || (a.runId < b.runId ? -1 : 1))
    .map((r) => r.runId);
  return { interrupted, queued };
}

/** Marks the run failed INTERRUPTED and records its final events, in one transaction. */
function interrupt(store: Store, run: RunRow, now: number): boolean {
  const errorMessage = `the process running this run stopped during stage ${run.stage ?? "(none)"}; start it again`;
  return store.db
    .transaction(() => {
      const changed = store.runs.update(
        run.runId,
        { status: "failed", errorCode: "INTERRUPTED", errorMessage, finishedAt: now, updatedAt: now },
        ["running"],
      );
      if (!changed) return false;
      const lastSeq = store.runProgress.get(run.runId)?.lastSeq ?? 0;
      const finished = {
        status: "failed" as const,
        errorCode: "INTERRUPTED",
        errorMessage,
        metricsSummary: null,
      };
      for (const event of finalEventsAfter(run.runId, finished, lastSeq, now)) {
        store.runProgress.record({
          runId: run.runId,
          lastSeq: event.seq,
          lastStage: run.stage,
          progressRatio: null,
          updatedAt: now,
        });
      }
      return true;
    })
    .immediate();
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

/** Removes `.tmp-*` files under `root` last modified before `before` (walked iteratively, links not followed). */
function sweepTempFiles(root: string, before: number): void {
  const folders = [root];
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.name.startsWith(TEMP_PREFIX)) {
        const modified = lstatSync(full, { throwIfNoEntry: false })?.mtimeMs ?? before;
        if (modified < before) rmSync(full, { force: true });
      }
    }
  }
}
