/**
 * @module runs/artifact-set
 * Collects a run's artifacts as they are written into a staging folder: each file is written atomically
 * (temporary name, fsync, rename) and its sha256 and size recorded from the bytes written. `seal()` writes the
 * manifest last. Callers then rename the staging folder into place, so a run folder is either complete or absent.
 */

import type { WrittenFile } from "../store/atomic-write.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import { safeJoin } from "../store/home.js";
import type { ParquetColumn } from "../store/parquet.js";
import { encodeParquet } from "../store/parquet.js";
import { type Manifest, type ManifestFile, mimeOf, writeManifest } from "./manifest.js";

export class ArtifactSet {
  readonly files: ManifestFile[] = [];

  constructor(readonly dir: string) {}

  addBytes(name: string, bytes: Uint8Array | string): ManifestFile {
    const written = writeFileAtomic(safeJoin(this.dir, name), bytes);
    const entry: ManifestFile = {
      name,
      path: name,
      sha256: written.sha256,
      size: written.size,
      mime: mimeOf(name),
    };
    this.files.push(entry);
    return entry;
  }

  /** Pretty-printed JSON with a trailing newline (artifacts are read by people too). */
  addJson(name: string, value: unknown): ManifestFile {
    return this.addBytes(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  addParquet(
    name: string,
    columns: readonly ParquetColumn[],
    metadata?: Record<string, string>,
  ): ManifestFile {
    return this.addBytes(name, encodeParquet(columns, metadata));
  }

  /** Writes manifest.json (last, under a lock) and returns it with its own sha256. */
  seal(meta: Omit<Manifest, "files">): { manifest: Manifest; written: WrittenFile } {
    const manifest: Manifest = { ...meta, files: [...this.files] };
    return { manifest, written: writeManifest(this.dir, manifest) };
  }
}
