import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeParquet, encodeParquet } from "../../store/parquet/parquet.js";
import { exportArtifact, exportFileOf, flatten } from "./export-artifact.js";

async function text(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += typeof c === "string" ? c : Buffer.from(c).toString("utf8");
  return out;
}

function runFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "exp-"));
  writeFileSync(
    path.join(dir, "trades.parquet"),
    encodeParquet([
      { name: "ts_utc", type: "INT64", data: Float64Array.from([1_700_000_000_000, 1_700_000_060_000]) },
      { name: "side", type: "STRING", data: ["buy", "sell"] },
      { name: "price", type: "DOUBLE", data: Float64Array.from([10.5, Number.NaN]) },
    ]),
  );
  writeFileSync(
    path.join(dir, "validation_summary.json"),
    JSON.stringify({ permutation: { n: 10, p_value: 0.5 }, wfo: { segments: [{ return: 0.1 }] } }),
  );
  return dir;
}

describe("exportArtifact", () => {
  it("writes Parquet tables as CSV with the column names as header and ts_utc in epoch ms", async () => {
    const out = await exportArtifact(runFolder(), "trades.parquet", "csv");
    expect(await text(out.chunks)).toBe("ts_utc,side,price\n1700000000000,buy,10.5\n1700000060000,sell,\n");
    expect(out.mime).toContain("text/csv");
  });

  it("writes Parquet tables as a JSON array of rows with NaN as null", async () => {
    const out = await exportArtifact(runFolder(), "trades.parquet", "json");
    expect(JSON.parse(await text(out.chunks))).toEqual([
      { ts_utc: 1_700_000_000_000, side: "buy", price: 10.5 },
      { ts_utc: 1_700_000_060_000, side: "sell", price: null },
    ]);
  });

  it("passes Parquet through byte for byte", async () => {
    const dir = runFolder();
    const out = await exportArtifact(dir, "trades.parquet", "parquet");
    const chunks: Uint8Array[] = [];
    for await (const c of out.chunks) chunks.push(c as Uint8Array);
    expect((await decodeParquet(chunks[0]!)).rowCount).toBe(2);
  });

  it("flattens a JSON artifact into a one-row CSV with dotted names", async () => {
    const out = await exportArtifact(runFolder(), "validation_summary.json", "csv");
    expect(await text(out.chunks)).toBe(
      "permutation.n,permutation.p_value,wfo.segments.0.return\n10,0.5,0.1\n",
    );
  });

  it("answers NOT_FOUND for an artifact the run does not have and CONFIG_INVALID for unknown names", async () => {
    await expect(exportArtifact(runFolder(), "equity.parquet", "csv")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(() => exportFileOf("../../studio.db")).toThrow(/unknown artifact/);
    await expect(exportArtifact(runFolder(), "validation_summary.json", "parquet")).rejects.toMatchObject({
      code: "CONFIG_INVALID",
    });
  });

  it("refuses a file replaced by a symlink, a FIFO or a directory with INTEGRITY_MISMATCH", async () => {
    const dir = runFolder();
    symlinkSync("/etc/passwd", path.join(dir, "metrics.json"));
    execFileSync("mkfifo", [path.join(dir, "equity.parquet")]);
    mkdirSync(path.join(dir, "summary.json"));
    for (const [file, reason] of [
      ["metrics.json", /symbolic link/],
      ["equity.parquet", /FIFO/],
      ["summary.json", /directory/],
    ] as const) {
      await expect(exportArtifact(dir, file, "csv"), file).rejects.toMatchObject({
        code: "INTEGRITY_MISMATCH",
        message: expect.stringMatching(reason),
      });
    }
  });

  it("checks a manifest entry's size and sha256 before converting", async () => {
    const dir = runFolder();
    const bytes = readFileSync(path.join(dir, "trades.parquet"));
    const entry = { name: "trades.parquet", path: "trades.parquet", size: bytes.length };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const ok = await exportArtifact(dir, { ...entry, sha256 }, "csv");
    expect(await text(ok.chunks)).toContain("ts_utc,side,price");
    await expect(exportArtifact(dir, { ...entry, sha256: "0".repeat(64) }, "csv")).rejects.toMatchObject({
      code: "INTEGRITY_MISMATCH",
    });
    await expect(exportArtifact(dir, { ...entry, size: 1, sha256 }, "csv")).rejects.toMatchObject({
      code: "INTEGRITY_MISMATCH",
    });
  });
});

describe("flatten", () => {
  it("keeps empty containers visible", () => {
    expect(flatten({ a: [], b: {}, c: null })).toEqual({ a: "[]", b: "{}", c: null });
  });
});
