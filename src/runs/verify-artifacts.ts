/**
 * @module runs/verify-artifacts
 * Verification: recompute every file's sha256 and size against the manifest, and the manifest's own sha256
 * against the database. Each mismatch is reported by file; nothing is repaired.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { safeJoin } from "../store/home.js";
import { MANIFEST_NAME, type Manifest } from "./manifest.js";

export type FileCheck = "ok" | "missing" | "size_mismatch" | "sha256_mismatch";

export interface VerifyReport {
  readonly ok: boolean;
  readonly manifest: {
    readonly expected_sha256: string | null;
    readonly actual_sha256: string | null;
    readonly status: FileCheck;
  };
  readonly files: readonly {
    name: string;
    status: FileCheck;
    expected_sha256: string;
    actual_sha256: string | null;
    expected_size: number;
    actual_size: number | null;
  }[];
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function verifyArtifacts(
  runDir: string,
  expectedManifestSha: string | null,
): Promise<VerifyReport> {
  const manifestPath = safeJoin(runDir, MANIFEST_NAME);
  if (!existsSync(manifestPath)) {
    return {
      ok: false,
      manifest: { expected_sha256: expectedManifestSha, actual_sha256: null, status: "missing" },
      files: [],
    };
  }
  const bytes = await readFile(manifestPath);
  const actual = createHash("sha256").update(bytes).digest("hex");
  const manifestStatus: FileCheck = expectedManifestSha === actual ? "ok" : "sha256_mismatch";
  let manifest: Manifest;
  try {
    manifest = JSON.parse(bytes.toString("utf8")) as Manifest;
  } catch {
    return {
      ok: false,
      manifest: { expected_sha256: expectedManifestSha, actual_sha256: actual, status: "sha256_mismatch" },
      files: [],
    };
  }
  const files: VerifyReport["files"][number][] = [];
  for (const f of manifest.files ?? []) {
    let status: FileCheck = "ok";
    let actualSha: string | null = null;
    let actualSize: number | null = null;
    let full: string;
    try {
      full = safeJoin(runDir, ...f.path.split("/"));
    } catch {
      files.push({
        name: f.name,
        status: "missing",
        expected_sha256: f.sha256,
        actual_sha256: null,
        expected_size: f.size,
        actual_size: null,
      });
      continue;
    }
    if (!existsSync(full)) status = "missing";
    else {
      actualSize = statSync(full).size;
      actualSha = await sha256File(full);
      if (actualSize !== f.size) status = "size_mismatch";
      else if (actualSha !== f.sha256) status = "sha256_mismatch";
    }
    files.push({
      name: f.name,
      status,
      expected_sha256: f.sha256,
      actual_sha256: actualSha,
      expected_size: f.size,
      actual_size: actualSize,
    });
  }
  const ok = manifestStatus === "ok" && files.every((f) => f.status === "ok");
  return {
    ok,
    manifest: { expected_sha256: expectedManifestSha, actual_sha256: actual, status: manifestStatus },
    files,
  };
}
