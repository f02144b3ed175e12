import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_NAME, type ManifestFile } from "./manifest.js";
import { verifyArtifacts } from "./verify-artifacts.js";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** A run folder of two files and its manifest, by hand; returns the folder and the manifest's sha256. */
function runFolder(edit: (files: ManifestFile[]) => ManifestFile[] = (f) => f): {
  dir: string;
  sha: string;
} {
  const dir = mkdtempSync(path.join(tmpdir(), "verify-"));
  const files: ManifestFile[] = [];
  for (const [name, text] of [
    ["metrics.json", '{"sharpe":1}'],
    ["equity.parquet", "PAR1 not really"],
  ] as const) {
    writeFileSync(path.join(dir, name), text);
    files.push({ name, path: name, sha256: sha256(text), size: text.length, mime: "x" });
  }
  const manifest = `${JSON.stringify({ run_id: "r", created_at: 0, config_hash: "h", files: edit(files) })}\n`;
  writeFileSync(path.join(dir, MANIFEST_NAME), manifest);
  return { dir, sha: sha256(manifest) };
}

const statusOf = (report: Awaited<ReturnType<typeof verifyArtifacts>>, name: string) =>
  report.files.find((f) => f.name === name)?.status;

describe("verifyArtifacts", () => {
  it("reports an untouched folder ok", async () => {
    const { dir, sha } = runFolder();
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => [f.name, f.status])).toEqual([
      ["metrics.json", "ok"],
      ["equity.parquet", "ok"],
    ]);
  });

  it("reports files the manifest does not list as extra, whatever they are", async () => {
    const { dir, sha } = runFolder();
    writeFileSync(path.join(dir, "payload.sh"), "echo hi");
    mkdirSync(path.join(dir, "hidden"));
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(false);
    expect(statusOf(report, "payload.sh")).toBe("extra");
    expect(report.files.find((f) => f.name === "payload.sh")).toMatchObject({
      expected_sha256: null,
      actual_sha256: sha256("echo hi"),
      actual_size: 7,
    });
    expect(statusOf(report, "hidden")).toBe("extra");
    expect(statusOf(report, "metrics.json")).toBe("ok");
  });

  it.each([
    ["a symlink", (f: string) => symlinkSync("/etc/passwd", f)],
    ["a directory", (f: string) => mkdirSync(f)],
    ["a FIFO", (f: string) => execFileSync("mkfifo", [f])],
  ])("reports a file replaced by %s as not_regular, without reading or waiting on it", async (_, make) => {
    const { dir, sha } = runFolder();
    const file = path.join(dir, "metrics.json");
    rmSync(file);
    make(file);
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.name === "metrics.json")).toMatchObject({
      status: "not_regular",
      actual_sha256: null,
    });
    expect(statusOf(report, "equity.parquet")).toBe("ok");
  });

  it("reports a manifest path that leaves the folder as unsafe_path and never opens it", async () => {
    const { dir, sha } = runFolder((files) => [
      ...files,
      { name: "db", path: "../../studio.db", sha256: "0".repeat(64), size: 1, mime: "x" },
      { name: "abs", path: "/etc/passwd", sha256: "0".repeat(64), size: 1, mime: "x" },
    ]);
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(false);
    expect(statusOf(report, "db")).toBe("unsafe_path");
    expect(statusOf(report, "abs")).toBe("unsafe_path");
    expect(report.manifest.status, "the manifest itself matches the database").toBe("ok");
  });

  it("reports a manifest that is not JSON, or not of the manifest's shape, as manifest_invalid", async () => {
    for (const text of ['{"files": [', '{"files": "all"}', "null"]) {
      const { dir } = runFolder();
      writeFileSync(path.join(dir, MANIFEST_NAME), text);
      const report = await verifyArtifacts(dir, sha256(text));
      expect(report.ok, text).toBe(false);
      expect(report.manifest.status, text).toBe("manifest_invalid");
      expect(report.manifest.actual_sha256).toBe(sha256(text));
    }
  });

  it("reports a missing manifest, and one replaced by a symlink, without following it", async () => {
    const { dir, sha } = runFolder();
    rmSync(path.join(dir, MANIFEST_NAME));
    expect((await verifyArtifacts(dir, sha)).manifest.status).toBe("missing");
    symlinkSync("/etc/passwd", path.join(dir, MANIFEST_NAME));
    expect((await verifyArtifacts(dir, sha)).manifest.status).toBe("not_regular");
    expect((await verifyArtifacts(path.join(dir, "gone"), sha)).manifest.status).toBe("missing");
  });

  it("names a size and a content mismatch", async () => {
    const { dir, sha } = runFolder();
    writeFileSync(path.join(dir, "metrics.json"), '{"sharpe":9}');
    writeFileSync(path.join(dir, "equity.parquet"), "short");
    const report = await verifyArtifacts(dir, sha);
    expect(statusOf(report, "metrics.json")).toBe("sha256_mismatch");
    expect(statusOf(report, "equity.parquet")).toBe("size_mismatch");
  });
});

describe("verifyArtifacts: the plugins/ subfolder", () => {
  const code = "export default {};\n";
  /** A run folder that also keeps a plugin's code as plugins/mean.mjs, listed in the manifest. */
  function withPlugin(extra: (files: ManifestFile[]) => ManifestFile[] = (f) => f) {
    return runFolder((files) => [
      ...files,
      ...extra([
        {
          name: "plugins/mean.mjs",
          path: "plugins/mean.mjs",
          sha256: sha256(code),
          size: code.length,
          mime: "x",
        },
      ]),
    ]);
  }
  const writeCode = (dir: string) => {
    mkdirSync(path.join(dir, "plugins"), { recursive: true });
    writeFileSync(path.join(dir, "plugins", "mean.mjs"), code);
  };

  it("checks a listed plugins/NAME.mjs like every file and reports unlisted files in plugins/ as extra", async () => {
    const { dir, sha } = withPlugin();
    writeCode(dir);
    expect((await verifyArtifacts(dir, sha)).ok, "listed and intact").toBe(true);
    writeFileSync(path.join(dir, "plugins", "dropped.mjs"), "evil()");
    const report = await verifyArtifacts(dir, sha);
    expect(statusOf(report, "plugins/dropped.mjs"), "an unlisted file in plugins/").toBe("extra");
    expect(statusOf(report, "plugins/mean.mjs")).toBe("ok");
    writeFileSync(path.join(dir, "plugins", "mean.mjs"), "export default 1;\n");
    expect(statusOf(await verifyArtifacts(dir, sha), "plugins/mean.mjs"), "edited copy").toBe(
      "size_mismatch",
    );
  });

  it("refuses other subfolders, .. and absolute paths as unsafe_path", async () => {
    for (const bad of [
      "other/mean.mjs",
      "plugins/../metrics.json",
      "plugins/x/y.mjs",
      "/plugins/mean.mjs",
      "plugins/",
    ]) {
      const { dir, sha } = withPlugin((files) => files.map((f) => ({ ...f, name: bad, path: bad })));
      writeCode(dir);
      const report = await verifyArtifacts(dir, sha);
      expect(statusOf(report, bad), bad).toBe("unsafe_path");
      expect(report.ok).toBe(false);
    }
  });

  it("refuses a plugins folder that is a symlink, without following it", async () => {
    const { dir, sha } = withPlugin();
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "mean.mjs"), code);
    symlinkSync(outside, path.join(dir, "plugins"));
    const report = await verifyArtifacts(dir, sha);
    expect(statusOf(report, "plugins/mean.mjs"), "resolves outside the run folder").toBe("unsafe_path");
    expect(statusOf(report, "plugins"), "the symlink itself is reported").toBe("extra");
    expect(report.ok).toBe(false);
  });
});
