/**
 * @module runs/parse-manifest
 * Reads a stored manifest back without trusting it: the bytes must be JSON of the manifest's shape, and every
 * listed path a plain file name (the studio only ever writes those). Anything else is `undefined`, which
 * verification reports as `manifest_invalid` and downloads refuse as INTEGRITY_MISMATCH, never a crash.
 */
import { z } from "zod";
import type { Manifest } from "./manifest.js";

const PLAIN_NAME = /^(?!\.\.?$)[^/\\\0]+$/;

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

/** Whether a manifest path is one the studio could have written: a plain name inside the run folder. */
export function isPlainName(name: string): boolean {
  return PLAIN_NAME.test(name);
}
