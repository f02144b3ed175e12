/**
 * @module runs/artifacts/artifact-set
 * Collects a run's artifacts as they are written into a staging folder. Each file is written atomically
 * (temporary name, fsync, rename) and its sha256 and size are recorded from the bytes written. Writes are started
 * at once and finish in the background, so the caller can encode the next file while the disk works; `seal()`
 * waits for all of them, then writes the manifest last. Callers rename the staging folder into place, so a run
 * folder is either complete or absent. A caller that gives up (an encoder or the plot threw) calls `abandon()`
 * before removing the folder, so no write is still running into it and no rejection goes unhandled.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { StudioError } from "../../core/errors.js";
import { type WrittenFile, writeFileAtomicAsync } from "../../store/atomic-write.js";
import { safeJoin } from "../../store/home.js";
import { encodeParquetChunks, type ParquetColumn } from "../../store/parquet/parquet.js";
import { type Manifest, type ManifestFile, mimeOf, writeManifest } from "./manifest.js";
import { runFileSegments } from "./parse-manifest.js";

type FileData = string | Uint8Array | readonly Uint8Array[];

export class ArtifactSet {
  private readonly pending: Promise<ManifestFile>[] = [];

  constructor(
    readonly dir: string,
    /** The atomic writer; tests inject one that fails like a full disk. */
    private readonly write: typeof writeFileAtomicAsync = writeFileAtomicAsync,
  ) {}

  /**
   * Starts writing `name` (a plain file name, or `plugins/NAME`); manifest entries keep the order of these calls.
   * `data` may still be in the making (a plot rasterized on another thread): it is written once it is ready, and
   * if it fails, seal() fails with its error.
   */
  addBytes(name: string, data: FileData | Promise<FileData>): void {
    const segments = runFileSegments(name);
    if (segments === undefined) throw new StudioError("INTERNAL", `not a run file path: ${name}`);
    const full = safeJoin(this.dir, ...segments);
    if (segments.length > 1) mkdirSync(path.dirname(full), { recursive: true });
    const written = (
      data instanceof Promise ? data.then((d) => this.write(full, d)) : this.write(full, data)
    ).then((w) => ({
      name,
      path: name,
      sha256: w.sha256,
      size: w.size,
      mime: mimeOf(name),
    }));
    // A write may fail before seal() or abandon() awaits it; its error is reported there, never as unhandled.
    written.catch(() => {});
    this.pending.push(written);
  }

  /** Pretty-printed JSON with a trailing newline (artifacts are read by people too). */
  addJson(name: string, value: unknown): void {
    this.addBytes(name, `${JSON.stringify(value, null, 2)}\n`);
  }

  addParquet(name: string, columns: readonly ParquetColumn[], metadata?: Record<string, string>): void {
    this.addBytes(name, encodeParquetChunks(columns, metadata));
  }

  /** Waits until every started write has finished or failed (their errors are the caller's to report). */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  /** Waits for every file, then writes manifest.json (last, under a lock); returns it with its own sha256. */
  async seal(meta: Omit<Manifest, "files">): Promise<{ manifest: Manifest; written: WrittenFile }> {
    // allSettled, not all: a failed write must not leave others running into a folder the caller then removes.
    const settled = await Promise.allSettled(this.pending);
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const files = settled.map((s) => (s as PromiseFulfilledResult<ManifestFile>).value);
    const manifest: Manifest = { ...meta, files };
    return { manifest, written: writeManifest(this.dir, manifest) };
  }
}
