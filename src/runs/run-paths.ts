/**
 * @module runs/run-paths
 * Where a run's files live. A run id is a UUID v4 generated here; anything else a user passes is refused as
 * NOT_FOUND before it could reach the filesystem. Artifacts are written into a staging folder beside the final
 * one and renamed into place whole, so `runs/{run_id}/` is either complete or absent.
 */
import { randomUUID } from "node:crypto";
import { quote, StudioError } from "../core/errors.js";
import type { HomePaths } from "../store/home.js";
import { safeJoin } from "../store/home.js";

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const STAGING_PREFIX = ".staging-";
/** Folders being deleted are renamed to this prefix first, so a row never points at a half-deleted folder. */
export const TRASH_PREFIX = ".trash-";

export function newRunId(): string {
  return randomUUID();
}

export function isRunId(value: string): boolean {
  return RUN_ID.test(value);
}

export function assertRunId(value: string): string {
  if (!isRunId(value)) throw new StudioError("NOT_FOUND", `no run ${quote(value)}: run ids are UUID v4`);
  return value;
}

export function runDir(home: HomePaths, runId: string): string {
  return safeJoin(home.runs, assertRunId(runId));
}

export function stagingDir(home: HomePaths, runId: string): string {
  return safeJoin(home.runs, `${STAGING_PREFIX}${assertRunId(runId)}`);
}

export function trashDir(home: HomePaths, runId: string): string {
  return safeJoin(home.runs, `${TRASH_PREFIX}${assertRunId(runId)}`);
}
