/**
 * @module runs/artifacts/manifest
 * The artifact manifest (spec section 11): every file of a run with its sha256, size and mime type. It is
 * written last, under a file lock, and its own sha256 goes into `runs.artifacts_manifest_sha`, so one hash in
 * the database vouches for every byte of the run folder.
 */
import path from "node:path";
import { type WrittenFile, writeFileAtomic } from "../../store/atomic-write.js";
import { withFileLock } from "../../store/file-lock.js";

export const MANIFEST_NAME = "manifest.json";

export const MIME = {
  json: "application/json",
  mjs: "text/javascript",
  parquet: "application/vnd.apache.parquet",
  png: "image/png",
  html: "text/html; charset=utf-8",
} as const;

export interface ManifestFile {
  readonly name: string;
  /** Relative to the run folder; always a plain file name. */
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
}

export interface Manifest {
  readonly run_id: string;
  readonly created_at: number;
  readonly config_hash: string;
  readonly files: readonly ManifestFile[];
}

export function mimeOf(name: string): string {
  const ext = path.extname(name).slice(1) as keyof typeof MIME;
  return MIME[ext] ?? "application/octet-stream";
}

/** Writes manifest.json into `dir` under `dir/manifest.lock`; returns the written file (its sha256 is the run's). */
export function writeManifest(dir: string, manifest: Manifest): WrittenFile {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  return withFileLock(path.join(dir, "manifest.lock"), () =>
    writeFileAtomic(path.join(dir, MANIFEST_NAME), text),
  );
}
