/**
 * @module runs/artifacts/parse-manifest
 * Reads a stored manifest back without trusting it: the bytes must be JSON of the manifest's shape, and every
 * listed path one the studio could have written: a plain file name, or a plain file name inside the one known
 * subfolder `plugins/` (the bundled code of the user plugins a run used). Anything else (`..`, an absolute path,
 * another subfolder, a backslash) is refused: verification reports it as `unsafe_path`, downloads as
 * INTEGRITY_MISMATCH, never a crash.
 */
import { z } from "zod";
import type { Manifest } from "./manifest.js";

const PLAIN_NAME = /^(?!\.\.?$)[^/\\\0]+$/;

/** The one subfolder a run folder may hold: the bundled code of the user plugins the run used. */
export const PLUGINS_FOLDER = "plugins";

export const ManifestFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  sha256: z.string(),
  size: z.number(),
  mime: z.string(),
});

export const ManifestSchema = z.object({
  run_id: z.string(),
  created_at: z.number(),
  config_hash: z.string(),
  files: z.array(ManifestFileSchema),
});

/** The manifest in `bytes`, or undefined when they are not JSON of the manifest's shape. */
export function parseManifest(bytes: Uint8Array): Manifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = ManifestSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Whether `name` is a plain file name (no separator, not `.` or `..`). */
export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name);
}

/**
 * The path segments of a manifest path the studio could have written (`["summary.json"]`,
 * `["plugins", "my_cross.mjs"]`), or undefined for any other path. Callers join only these segments.
 */
export function runFileSegments(rel: string): readonly string[] | undefined {
  if (isPlainName(rel)) return [rel];
  const slash = rel.indexOf("/");
  if (slash < 0 || rel.slice(0, slash) !== PLUGINS_FOLDER) return undefined;
  const name = rel.slice(slash + 1);
  return isPlainName(name) ? [PLUGINS_FOLDER, name] : undefined;
}

/** Whether a manifest path is one the studio could have written (see `runFileSegments`). */
export function isRunFilePath(rel: string): boolean {
  return runFileSegments(rel) !== undefined;
}
