/**
 * @module http/run-manifest
 * Reads a completed run's manifest for the artifact routes and proves it is the one the database vouches for
 * (its sha256 equals `runs.artifacts_manifest_sha`) before any file name in it is trusted. Files are then found
 * by their manifest name only; the request never contributes a path segment.
 */
import { createHash } from "node:crypto";
import { quote, StudioError } from "../core/errors.js";
import { MANIFEST_NAME, type Manifest, type ManifestFile } from "../runs/artifacts/manifest.js";
import { isRunFilePath, parseManifest } from "../runs/artifacts/parse-manifest.js";
import { openRunFile } from "../runs/artifacts/run-file.js";
import { runDir } from "../runs/run-paths.js";
import type { RunView } from "../runs/run-view.js";
import type { HomePaths } from "../store/home.js";

export interface RunManifest {
  readonly dir: string;
  /** manifest.json exactly as stored; its sha256 is the run's `artifacts_manifest_sha`. */
  readonly bytes: Buffer;
  readonly manifest: Manifest;
}

export async function readRunManifest(home: HomePaths, view: RunView): Promise<RunManifest> {
  if (view.status !== "completed") {
    throw new StudioError(
      "INVALID_TRANSITION",
      `run ${view.run_id} is ${view.status}; only completed runs have artifacts`,
    );
  }
  const dir = runDir(home, view.run_id);
  const opened = await openRunFile(dir, MANIFEST_NAME);
  if (!opened.ok) {
    throw new StudioError(
      "INTEGRITY_MISMATCH",
      `run ${view.run_id}: ${MANIFEST_NAME} ${opened.reason}; run verify`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await opened.handle.readFile();
  } finally {
    await opened.handle.close();
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== view.artifacts_manifest_sha) {
    throw new StudioError(
      "INTEGRITY_MISMATCH",
      `run ${view.run_id}: ${MANIFEST_NAME} does not match the database (sha256 ${sha}); run verify`,
    );
  }
  // The database vouches for these bytes, but a row can be edited too: a manifest is never trusted unread.
  const manifest = parseManifest(bytes);
  if (manifest === undefined || !manifest.files.every((f) => isRunFilePath(f.path))) {
    throw new StudioError(
      "INTEGRITY_MISMATCH",
      `run ${view.run_id}: ${MANIFEST_NAME} is not a valid manifest; run verify`,
    );
  }
  return { dir, bytes, manifest };
}

export function manifestFile(run: RunManifest, name: string): ManifestFile {
  const file = run.manifest.files.find((f) => f.name === name);
  if (!file) {
    const names = run.manifest.files.map((f) => f.name).join(", ");
    throw new StudioError(
      "NOT_FOUND",
      `run ${run.manifest.run_id} has no artifact ${quote(name)}; it has ${names}`,
    );
  }
  return file;
}
