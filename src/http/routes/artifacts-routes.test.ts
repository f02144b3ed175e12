import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDir } from "../../runs/run-paths.js";
import { call, runToEnd } from "../test-support/api-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";

const sha256 = (bytes: ArrayBuffer | Buffer) =>
  createHash("sha256")
    .update(Buffer.from(bytes as ArrayBuffer))
    .digest("hex");

let t: TestServer;
let runId: string;
let run: { artifacts_manifest_sha: string };
beforeAll(async () => {
  t = await startTestServer();
  ({ runId, run } = await runToEnd(t.url, smallConfig({ validation: { permutation: { n: 20 } } })));
});
afterAll(() => t.close());

interface ManifestFile {
  name: string;
  sha256: string;
  size: number;
  mime: string;
}

describe("artifacts", () => {
  it("serves the manifest byte for byte, so its sha256 is the run's artifacts_manifest_sha", async () => {
    const res = await fetch(`${t.url}/api/runs/${runId}/artifacts`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const bytes = await res.arrayBuffer();
    expect(sha256(bytes)).toBe(run.artifacts_manifest_sha);
    const manifest = JSON.parse(Buffer.from(bytes).toString("utf8"));
    expect(manifest.files.map((f: ManifestFile) => f.name)).toEqual(
      expect.arrayContaining([
        "metrics.json",
        "equity.parquet",
        "trades.parquet",
        "validation_summary.json",
        "plots.png",
        "report.html",
      ]),
    );
  });

  it("shows report.html inline as a self-contained page that allows no request", async () => {
    const res = await fetch(`${t.url}/api/runs/${runId}/artifacts/report.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition"), "a page to look at, not a download").toBe("inline");
    const html = await res.text();
    expect(html).toContain("default-src 'none'");
    expect(html, "no external script, style or image").not.toMatch(
      /<(script|link|img)[^>]+(src|href)="(?!data:)/,
    );
  });

  it("streams every artifact with its manifest mime type, and each body hashes to the manifest's sha256", async () => {
    const manifest = (await call(t.url, "GET", `/api/runs/${runId}/artifacts`)).body;
    for (const file of manifest.files as ManifestFile[]) {
      const res = await fetch(`${t.url}/api/runs/${runId}/artifacts/${encodeURIComponent(file.name)}`);
      expect(res.status, file.name).toBe(200);
      expect(res.headers.get("content-type"), `${file.name} has its manifest mime`).toBe(file.mime);
      expect(res.headers.get("etag")).toBe(`"${file.sha256}"`);
      const bytes = await res.arrayBuffer();
      expect(bytes.byteLength, `${file.name} size`).toBe(file.size);
      expect(sha256(bytes), `${file.name} matches its manifest sha256`).toBe(file.sha256);
    }
  });

  it("converts a Parquet series to CSV with ?format=csv, one row per bar", async () => {
    const res = await fetch(`${t.url}/api/runs/${runId}/artifacts/equity.parquet?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="equity.csv"');
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("ts_utc,equity");
    const summary = (await call(t.url, "GET", `/api/runs/${runId}/artifacts/summary.json`)).body;
    expect(lines.length - 1, "one CSV row per bar of the run").toBe(summary.data.bars);
    expect(lines[1], "epoch ms, then equity").toMatch(/^\d{13},[\d.]+$/);
  });

  it("reports every file ok when verifying an untouched run", async () => {
    const res = await call(t.url, "GET", `/api/runs/${runId}/verify`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.manifest.status).toBe("ok");
    expect(res.body.files.every((f: { status: string }) => f.status === "ok")).toBe(true);
  });

  it("answers 409 for the artifacts of a run that did not complete", async () => {
    const slow = await call(
      t.url,
      "POST",
      "/api/runs",
      smallConfig({ seed: 9, validation: { permutation: { n: 10_000 } } }),
    );
    const id = slow.body.run.run_id;
    await call(t.url, "POST", `/api/runs/${id}/cancel`);
    for (const p of ["artifacts", "artifacts/metrics.json", "verify"]) {
      const res = await call(t.url, "GET", `/api/runs/${id}/${p}`);
      expect(res.status, p).toBe(409);
      expect(res.body.error.code).toBe("INVALID_TRANSITION");
    }
  });

  it("stops serving a run whose manifest no longer matches the database, and verify names the mismatch", async () => {
    const other = await runToEnd(t.url, smallConfig({ seed: 10 }));
    const file = path.join(runDir(t.home, other.runId), "manifest.json");
    writeFileSync(file, '{"run_id":"tampered","created_at":0,"config_hash":"","files":[]}');
    const res = await call(t.url, "GET", `/api/runs/${other.runId}/artifacts/metrics.json`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("INTEGRITY_MISMATCH");
    const verify = await call(t.url, "GET", `/api/runs/${other.runId}/verify`);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.manifest.status).toBe("sha256_mismatch");
  });

  describe("a run folder changed behind the studio's back", () => {
    let dir: string;
    let id: string;
    beforeAll(async () => {
      ({ runId: id } = await runToEnd(t.url, smallConfig({ seed: 11 })));
      dir = runDir(t.home, id);
      const swap = (name: string, make: (file: string) => void) => {
        const file = path.join(dir, name);
        rmSync(file);
        make(file);
      };
      swap("metrics.json", (f) => symlinkSync("/etc/passwd", f));
      swap("drawdown.parquet", (f) => execFileSync("mkfifo", [f]));
      swap("plots.png", (f) => mkdirSync(f));
      appendFileSync(path.join(dir, "equity.parquet"), "x");
      const summary = path.join(dir, "summary.json");
      const text = readFileSync(summary, "utf8");
      // Same length, different bytes: only the hash can tell.
      writeFileSync(
        summary,
        text.replace(/"symbol": ?"SYN"/, (m) => m.replace("SYN", "SYM")),
      );
      expect(readFileSync(summary, "utf8")).not.toBe(text);
    });

    it.each([
      ["a symlink to /etc/passwd", "metrics.json", /symbolic link/],
      ["a FIFO (answered at once, not waited on)", "drawdown.parquet", /FIFO/],
      ["a directory", "plots.png", /directory/],
      ["a file of another size", "equity.parquet", /bytes but the manifest lists/],
      ["a file of the same size with other bytes", "summary.json", /sha256/],
    ])("refuses %s with 409 INTEGRITY_MISMATCH", async (_what, name, reason) => {
      const res = await call(t.url, "GET", `/api/runs/${id}/artifacts/${name}`);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe("INTEGRITY_MISMATCH");
      expect(res.body.error.message).toContain(name);
      expect(res.body.error.message).toMatch(reason);
      expect(JSON.stringify(res.body), "nothing of /etc/passwd leaks").not.toContain("root:");
    });

    it("refuses to convert them too", async () => {
      for (const name of ["metrics.json", "drawdown.parquet", "equity.parquet", "summary.json"]) {
        const res = await call(t.url, "GET", `/api/runs/${id}/artifacts/${name}?format=csv`);
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(409);
        expect(res.body.error.code).toBe("INTEGRITY_MISMATCH");
      }
    });

    it("verify names each of them, and an extra file, with 200 and ok false", async () => {
      writeFileSync(path.join(dir, "extra.txt"), "not listed");
      const res = await call(t.url, "GET", `/api/runs/${id}/verify`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.ok).toBe(false);
      const status = Object.fromEntries(
        (res.body.files as { name: string; status: string }[]).map((f) => [f.name, f.status]),
      );
      expect(status).toMatchObject({
        "metrics.json": "not_regular",
        "drawdown.parquet": "not_regular",
        "plots.png": "not_regular",
        "equity.parquet": "size_mismatch",
        "summary.json": "sha256_mismatch",
        "trades.parquet": "ok",
        "extra.txt": "extra",
      });
    });

    it("still serves the files nobody touched", async () => {
      const res = await fetch(`${t.url}/api/runs/${id}/artifacts/trades.parquet`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    });
  });

  describe("a manifest the database vouches for but that is not a valid manifest", () => {
    /** Replaces the run's manifest and makes the database vouch for the new bytes. */
    async function withManifest(text: string): Promise<string> {
      const { runId: id } = await runToEnd(t.url, smallConfig({ seed: 20 + text.length }));
      writeFileSync(path.join(runDir(t.home, id), "manifest.json"), text);
      const now = Date.now();
      t.server.studio.store.runs.update(id, {
        artifactsManifestSha: sha256(Buffer.from(text)),
        updatedAt: now,
      });
      return id;
    }

    it("answers 409 and verify reports manifest_invalid for a manifest that is not JSON", async () => {
      const id = await withManifest('{"files": [');
      for (const p of ["artifacts", "artifacts/metrics.json"]) {
        const res = await call(t.url, "GET", `/api/runs/${id}/${p}`);
        expect(res.status, `${p}: ${JSON.stringify(res.body)}`).toBe(409);
        expect(res.body.error.code).toBe("INTEGRITY_MISMATCH");
      }
      const verify = await call(t.url, "GET", `/api/runs/${id}/verify`);
      expect(verify.status).toBe(200);
      expect(verify.body.ok).toBe(false);
      expect(verify.body.manifest.status).toBe("manifest_invalid");
    });

    it("never opens a manifest path outside the run folder, and verify reports unsafe_path", async () => {
      const file = { name: "db", path: "../../studio.db", sha256: "0".repeat(64), size: 1, mime: "x" };
      const id = await withManifest(
        JSON.stringify({ run_id: "r", created_at: 0, config_hash: "", files: [file] }),
      );
      const res = await call(t.url, "GET", `/api/runs/${id}/artifacts/db`);
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.code).toBe("INTEGRITY_MISMATCH");
      const verify = await call(t.url, "GET", `/api/runs/${id}/verify`);
      expect(verify.status).toBe(200);
      expect(verify.body.files.find((f: { name: string }) => f.name === "db").status).toBe("unsafe_path");
      expect(verify.body.files.find((f: { name: string }) => f.name === "metrics.json").status).toBe("extra");
    });
  });
});
