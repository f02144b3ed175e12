/**
 * @module http/run-manifest
 * Reads a completed run's manifest for the artifact routes and proves it is the one the database vouches for
 * (its sha256 equals `runs.artifacts_manifest_sha`) before any file name in it is trusted. Files are then found
 * by their manifest name only; the request never contributes a path segment.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { quote, StudioError } from "../core/errors.js";
import { MANIFEST_NAME, type Manifest, type ManifestFile } from "../runs/manifest.js";
import { runDir } from "../runs/run-paths.js";
import type { RunView } from "../runs/run-view.js";
import { type HomePaths, safeJoin } from "../store/home.js";

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
  let bytes: Buffer;
  try {
    bytes = await readFile(safeJoin(dir, MANIFEST_NAME));
  } catch {
    throw new StudioError("INTEGRITY_MISMATCH", `run ${view.run_id} has no ${MANIFEST_NAME}; run verify`);
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha !== view.artifacts_manifest_sha) {
    throw new StudioError(
      "INTEGRITY_MISMATCH",
      `run ${view.run_id}: ${MANIFEST_NAME} does not match the database (sha256 ${sha}); run verify`,
    );
  }
  return { dir, bytes, manifest: JSON.parse(bytes.toString("utf8")) as Manifest };
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
