import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArtifactSet } from "./artifact-set.js";
import { verifyArtifacts } from "./verify-artifacts.js";

async function build(): Promise<{ dir: string; sha: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "art-"));
  const set = new ArtifactSet(dir);
  set.addJson("metrics.json", { total_return: 0.1 });
  set.addParquet("equity.parquet", [
    { name: "ts_utc", type: "INT64", data: Float64Array.from([1, 2]) },
    { name: "equity", type: "DOUBLE", data: Float64Array.from([100, 101]) },
  ]);
  const { written } = await set.seal({ run_id: "r1", created_at: 1, config_hash: "c".repeat(64) });
  return { dir, sha: written.sha256 };
}

describe("ArtifactSet and verifyArtifacts", () => {
  it("records each file's real sha256, size and mime type in the manifest", async () => {
    const { dir, sha } = await build();
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    const metricsBytes = readFileSync(path.join(dir, "metrics.json"));
    expect(manifest.files[0]).toEqual({
      name: "metrics.json",
      path: "metrics.json",
      sha256: createHash("sha256").update(metricsBytes).digest("hex"),
      size: metricsBytes.length,
      mime: "application/json",
    });
    expect(manifest.files[1].mime).toBe("application/vnd.apache.parquet");
    expect(sha).toBe(
      createHash("sha256")
        .update(readFileSync(path.join(dir, "manifest.json")))
        .digest("hex"),
    );
  });

  it("verifies an untouched run folder", async () => {
    const { dir, sha } = await build();
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.status)).toEqual(["ok", "ok"]);
  });

  it("names the file whose bytes changed, with the same size", async () => {
    const { dir, sha } = await build();
    const file = path.join(dir, "metrics.json");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("0.1", "0.2"));
    const report = await verifyArtifacts(dir, sha);
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.name === "metrics.json")?.status).toBe("sha256_mismatch");
    expect(report.files.find((f) => f.name === "equity.parquet")?.status).toBe("ok");
  });

  it("reports a grown file as a size mismatch and a deleted one as missing", async () => {
    const { dir, sha } = await build();
    appendFileSync(path.join(dir, "metrics.json"), " ");
    rmSync(path.join(dir, "equity.parquet"));
    const report = await verifyArtifacts(dir, sha);
    expect(report.files.map((f) => f.status)).toEqual(["size_mismatch", "missing"]);
  });

  it("catches a manifest that no longer matches the database's hash", async () => {
    const { dir } = await build();
    const report = await verifyArtifacts(dir, "0".repeat(64));
    expect(report.manifest.status).toBe("sha256_mismatch");
    expect(report.ok).toBe(false);
  });
});
