/**
 * @module runs/artifacts/verify-artifacts
 * Verification: the manifest's own sha256 against the database, then every listed file's size and sha256
 * against the manifest, then the folder against the manifest. Nothing on disk is trusted and nothing is
 * repaired: a manifest that is not JSON, a listed path that leaves the folder (or names a subfolder other than
 * `plugins/`), a file replaced by a symlink, a directory or a FIFO, and files the manifest does not list (in the
 * folder or in its `plugins/` folder) are each reported by name, never thrown.
 */
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_NAME } from "./manifest.js";
import { isRunFilePath, PLUGINS_FOLDER, parseManifest } from "./parse-manifest.js";
import { openRunFile, sha256OfHandle } from "./run-file.js";

export const FILE_CHECKS = [
  "ok",
  "missing",
  "size_mismatch",
  "sha256_mismatch",
  /** A symlink, directory, FIFO or device where a regular file should be. */
  "not_regular",
  /** A manifest path that is not a plain file name inside the run folder (e.g. `../../studio.db`). */
  "unsafe_path",
  /** In the run folder but not in the manifest. */
  "extra",
  /** The manifest is not JSON of the manifest's shape. */
  "manifest_invalid",
] as const;
export type FileCheck = (typeof FILE_CHECKS)[number];

export interface FileReport {
  name: string;
  status: FileCheck;
  /** Null for a file the manifest does not list. */
  expected_sha256: string | null;
  actual_sha256: string | null;
  expected_size: number | null;
  actual_size: number | null;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly manifest: {
    readonly expected_sha256: string | null;
    readonly actual_sha256: string | null;
    readonly status: FileCheck;
  };
  readonly files: readonly FileReport[];
}

interface Measured {
  readonly status: "ok" | "missing" | "not_regular" | "unsafe_path";
  readonly sha256: string | null;
  readonly size: number | null;
  readonly bytes?: Buffer;
}

/** Opens and hashes one file of the folder; `keep` also returns its bytes (the manifest's are parsed). */
async function measure(dir: string, rel: string, keep = false): Promise<Measured> {
  const opened = await openRunFile(dir, rel);
  if (!opened.ok) return { status: opened.problem, sha256: null, size: null };
  try {
    const sha256 = await sha256OfHandle(opened.handle);
    const bytes = keep ? await opened.handle.readFile() : undefined;
    return { status: "ok", sha256, size: opened.size, bytes };
  } finally {
    await opened.handle.close();
  }
}

export async function verifyArtifacts(
  runDir: string,
  expectedManifestSha: string | null,
): Promise<VerifyReport> {
  const m = await measure(runDir, MANIFEST_NAME, true);
  const manifestReport = (status: FileCheck) => ({
    expected_sha256: expectedManifestSha,
    actual_sha256: m.sha256,
    status,
  });
  if (m.status !== "ok") return { ok: false, manifest: manifestReport(m.status), files: [] };
  const manifest = parseManifest(m.bytes!);
  if (manifest === undefined) {
    return { ok: false, manifest: manifestReport("manifest_invalid"), files: [] };
  }
  const files: FileReport[] = [];
  for (const f of manifest.files) {
    const expected = { name: f.name, expected_sha256: f.sha256, expected_size: f.size };
    if (!isRunFilePath(f.path)) {
      files.push({ ...expected, status: "unsafe_path", actual_sha256: null, actual_size: null });
      continue;
    }
    const got = await measure(runDir, f.path);
    let status: FileCheck = got.status;
    if (status === "ok" && got.size !== f.size) status = "size_mismatch";
    else if (status === "ok" && got.sha256 !== f.sha256) status = "sha256_mismatch";
    files.push({ ...expected, status, actual_sha256: got.sha256, actual_size: got.size });
  }
  const listed = new Set([MANIFEST_NAME, ...manifest.files.map((f) => f.path)]);
  for (const name of await folderEntries(runDir)) {
    if (listed.has(name)) continue;
    const got = await measure(runDir, name);
    files.push({
      name,
      status: "extra",
      expected_sha256: null,
      actual_sha256: got.sha256,
      expected_size: null,
      actual_size: got.size,
    });
  }
  const manifestStatus: FileCheck = expectedManifestSha === m.sha256 ? "ok" : "sha256_mismatch";
  return {
    ok: manifestStatus === "ok" && files.every((f) => f.status === "ok"),
    manifest: manifestReport(manifestStatus),
    files,
  };
}

/**
 * Every entry of the run folder, sorted, with the entries of a real `plugins/` folder listed as `plugins/NAME`
 * in its place (a `plugins` that is a symlink or a file is listed as itself, so it is reported, never followed).
 */
async function folderEntries(runDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(runDir)).sort()) {
    const info = name === PLUGINS_FOLDER ? await lstat(path.join(runDir, name)) : undefined;
    if (info?.isDirectory()) {
      for (const inner of (await readdir(path.join(runDir, name))).sort()) out.push(`${name}/${inner}`);
    } else out.push(name);
  }
  return out;
}
