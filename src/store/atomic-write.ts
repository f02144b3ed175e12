/**
 * @module store/atomic-write
 * Writes a file so that readers see either the old content or the complete new one, never a prefix: the bytes
 * go to a temporary name in the same folder, are fsynced, then renamed over the target (and the folder fsynced
 * so the rename itself survives a crash). The sha256 and size are computed from the bytes written.
 */
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";

export interface WrittenFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** Temporary names share this prefix, so recovery can sweep leftovers of a crashed write. */
export const TEMP_PREFIX = ".tmp-";

export function writeFileAtomic(target: string, data: Uint8Array | string): WrittenFile {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const dir = path.dirname(target);
  const temp = tempName(target);
  const hash = createHash("sha256");
  const fd = openSync(temp, "wx", 0o644);
  let closed = false;
  try {
    // Hash while writing, in slices, so the digest describes exactly the bytes that reached the file.
    const CHUNK = 1 << 22;
    for (let off = 0; off < bytes.byteLength; off += CHUNK) {
      const slice = bytes.subarray(off, Math.min(off + CHUNK, bytes.byteLength));
      hash.update(slice);
      let written = 0;
      while (written < slice.byteLength) written += writeSync(fd, slice, written);
    }
    fsyncSync(fd);
    closed = true;
    closeSync(fd);
    renameSync(temp, target);
  } catch (err) {
    // A full disk fails the write, the fsync or even the close; the temporary file must not stay behind.
    if (!closed) ignoring(() => closeSync(fd));
    ignoring(() => rmSync(temp, { force: true }));
    throw err;
  }
  fsyncDir(dir);
  return { path: target, sha256: hash.digest("hex"), size: bytes.byteLength };
}

function tempName(target: string): string {
  return path.join(
    path.dirname(target),
    `${TEMP_PREFIX}${path.basename(target)}.${randomBytes(6).toString("hex")}`,
  );
}

/** Cleanup after a failure must not replace the error that caused it. */
function ignoring(fn: () => void): void {
  try {
    fn();
  } catch {
    // The original error is what the caller needs to see.
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on directories; the file itself is already durable.
  }
}

/** fsyncDir on libuv's threads: a folder's fsync waits on the disk, which the caller's thread need not do. */
async function fsyncDirAsync(dir: string, io: AtomicWriteIo): Promise<void> {
  try {
    const handle = await io.open(dir, "r");
    await handle.sync().finally(() => handle.close());
  } catch {
    // As in fsyncDir: the file itself is already durable.
  }
}

/** The file operations the asynchronous writer uses; tests inject failing ones to stand for a full disk. */
export interface AtomicWriteIo {
  readonly open: typeof open;
  readonly rename: typeof rename;
  readonly rm: typeof rm;
}

const NODE_IO: AtomicWriteIo = { open, rename, rm };

/**
 * The same guarantee, asynchronously and from a list of chunks (e.g. a Parquet file's pages, never joined into
 * one buffer): the disk work runs on libuv's threads while the caller prepares the next file. Each chunk is
 * hashed just before it is written, so the digest describes exactly the bytes that reached the file.
 */
export async function writeFileAtomicAsync(
  target: string,
  data: string | Uint8Array | readonly Uint8Array[],
  io: AtomicWriteIo = NODE_IO,
): Promise<WrittenFile> {
  const chunks =
    typeof data === "string" ? [Buffer.from(data, "utf8")] : data instanceof Uint8Array ? [data] : data;
  const dir = path.dirname(target);
  const temp = tempName(target);
  const hash = createHash("sha256");
  let size = 0;
  const handle = await io.open(temp, "wx", 0o644);
  let closed = false;
  try {
    for (const chunk of chunks) {
      hash.update(chunk);
      let written = 0;
      while (written < chunk.byteLength) {
        written += (await handle.write(chunk, written, chunk.byteLength - written)).bytesWritten;
      }
      size += chunk.byteLength;
    }
    await handle.sync();
    closed = true;
    await handle.close();
    await io.rename(temp, target);
  } catch (err) {
    if (!closed) await handle.close().catch(() => {});
    await io.rm(temp, { force: true }).catch(() => {});
    throw err;
  }
  await fsyncDirAsync(dir, io);
  return { path: target, sha256: hash.digest("hex"), size };
}
