/**
 * @module runs/artifacts/run-file
 * Opens one file of a run folder for reading without trusting what is on disk. A manifest names plain files (and
 * plain files in the one known subfolder `plugins/`), but the folder can be changed behind the studio's back: a file replaced by a symlink to `/etc/passwd`, by a
 * directory or by a FIFO must be refused, not followed, read or waited on. So the file is opened with
 * O_NOFOLLOW (a symlink fails to open) and O_NONBLOCK (a FIFO opens at once instead of blocking), the opened
 * descriptor is checked to be a regular file (so what is checked is what is read), and its real path must be
 * exactly the listed path inside the run folder (so a `plugins` folder replaced by a symlink is refused too). Downloads, exports and verification all read run files through here.
 */
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { type FileHandle, open, realpath } from "node:fs/promises";
import path from "node:path";
import { StudioError } from "../../core/errors.js";
import { safeJoin } from "../../store/home.js";
import { runFileSegments } from "./parse-manifest.js";

/** Why a run file cannot be read, in the words `verify` reports. */
export type RunFileProblem = "missing" | "not_regular" | "unsafe_path";

export type OpenedRunFile =
  | { readonly ok: true; readonly handle: FileHandle; readonly size: number }
  | { readonly ok: false; readonly problem: RunFileProblem; readonly reason: string };

const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Opens `dir/rel` when it is a regular file at that path inside `dir`; the caller closes the handle. */
export async function openRunFile(dir: string, rel: string): Promise<OpenedRunFile> {
  const segments = runFileSegments(rel);
  let full: string;
  try {
    if (segments === undefined) throw new Error("not a run file path");
    full = safeJoin(dir, ...segments);
  } catch {
    return {
      ok: false,
      problem: "unsafe_path",
      reason: "is not a plain file name inside the run folder or its plugins/ folder",
    };
  }
  let handle: FileHandle;
  try {
    handle = await open(full, READ_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return { ok: false, problem: "missing", reason: "is missing" };
    if (code === "ELOOP") return { ok: false, problem: "not_regular", reason: "is a symbolic link" };
    throw err;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      return { ok: false, problem: "not_regular", reason: `is ${kindOf(info)}, not a regular file` };
    }
    const [real, realDir] = await Promise.all([realpath(full), realpath(dir)]);
    if (real !== path.join(realDir, ...segments)) {
      await handle.close();
      return { ok: false, problem: "unsafe_path", reason: "resolves outside the run folder" };
    }
    return { ok: true, handle, size: info.size };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  return "a device";
}

const HASH_CHUNK = 1 << 20;

/** The sha256 (hex) of everything the handle reads from its start. */
export async function sha256OfHandle(handle: FileHandle): Promise<string> {
  const hash = createHash("sha256");
  const buffer = Buffer.allocUnsafe(HASH_CHUNK);
  for (let position = 0; ; ) {
    const { bytesRead } = await handle.read(buffer, 0, HASH_CHUNK, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest("hex");
}

/** What a manifest says about one file. */
export interface ExpectedFile {
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Opens a manifest-listed file and proves it is the one the manifest describes: a regular file inside the run
 * folder, of the listed size, with the listed sha256. Anything else is INTEGRITY_MISMATCH naming the file, so a
 * client never receives bytes under an ETag they do not match. The caller closes the handle.
 */
export async function openArtifact(dir: string, file: ExpectedFile): Promise<FileHandle> {
  const opened = await openRunFile(dir, file.path);
  if (!opened.ok) throw mismatch(file, opened.reason);
  const { handle } = opened;
  try {
    if (opened.size !== file.size) {
      throw mismatch(file, `is ${opened.size} bytes but the manifest lists ${file.size}`);
    }
    if ((await sha256OfHandle(handle)) !== file.sha256) {
      throw mismatch(file, "does not match its sha256 in the manifest");
    }
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

function mismatch(file: ExpectedFile, reason: string): StudioError {
  return new StudioError("INTEGRITY_MISMATCH", `artifact ${file.name} ${reason}; run verify`, {
    artifact: file.name,
  });
}
