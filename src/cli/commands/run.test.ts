import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { smallConfig, studio, tempHome, writeJson } from "../test-support/studio-cli.js";

describe("studio run (real binary)", () => {
  it("runs a config and prints exactly one JSON object under --json", async () => {
    const home = tempHome();
    const file = writeJson(home, "cfg.json", smallConfig({ validation: { monte_carlo: { n: 50 } } }));
    const r = await studio(["--home", home, "--json", "run", file]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines, "one line of JSON on stdout").toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual([
      "run_id",
      "status",
      "hash",
      "reused",
      "run_dir",
      "metrics",
      "validation",
      "warnings",
    ]);
    expect(out.warnings, "the run's warnings, as summary.json has them").toEqual(expect.any(Array));
    expect(out.status).toBe("completed");
    expect(out.reused).toBe(false);
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(out.validation.monte_carlo.n).toBe(50);
    for (const name of [
      "summary.json",
      "metrics.json",
      "equity.parquet",
      "drawdown.parquet",
      "trades.parquet",
      "portfolio.parquet",
      "plots.png",
      "manifest.json",
      "validation_summary.json",
    ]) {
      expect(existsSync(path.join(out.run_dir, name)), `${name} written`).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(out.run_dir, "metrics.json"), "utf8"))).toEqual(out.metrics);
  });

  it("reuses an identical run, runs again with --force, and applies --set and --preset", async () => {
    const home = tempHome();
    const file = writeJson(home, "cfg.json", smallConfig());
    const first = JSON.parse((await studio(["--home", home, "--json", "run", file])).stdout);
    const again = JSON.parse((await studio(["--home", home, "--json", "run", file])).stdout);
    expect(again.reused).toBe(true);
    expect(again.run_id).toBe(first.run_id);
    const forced = JSON.parse((await studio(["--home", home, "--json", "run", file, "--force"])).stdout);
    expect(forced.reused).toBe(false);
    expect(forced.run_id).not.toBe(first.run_id);
    expect(forced.metrics, "same config and seed give identical metrics").toEqual(first.metrics);

    const set = JSON.parse(
      (await studio(["--home", home, "--json", "run", file, "--set", "strategy.params.fast=8"])).stdout,
    );
    expect(set.hash).not.toBe(first.hash);
    expect((await studio(["--home", home, "presets", "save", "base", file])).code).toBe(0);
    const viaPreset = JSON.parse(
      (await studio(["--home", home, "--json", "run", "--preset", "base", "--set", "strategy.params.fast=8"]))
        .stdout,
    );
    expect(viaPreset.hash, "preset + the same override is the same run").toBe(set.hash);
    expect(viaPreset.reused).toBe(true);
  });

  it("prints the metrics table and the run folder for people", async () => {
    const home = tempHome();
    const r = await studio(["--home", home, "run", writeJson(home, "cfg.json", smallConfig())]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^run [0-9a-f-]{36} completed/);
    expect(r.stdout).toMatch(/total_return\s+-?\d/);
    expect(r.stdout).toMatch(/artifacts: .*runs\/[0-9a-f-]{36}\n$/);
    expect(r.stderr, "progress goes to stderr as plain lines when not a terminal").toContain(
      "stage simulation",
    );
  });

  it("fails with exit code 2 and a stable error code for an invalid config", async () => {
    const home = tempHome();
    const file = writeJson(home, "bad.json", smallConfig({ strategy: { name: "nope" } }));
    const r = await studio(["--home", home, "--json", "run", file]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.error.code).toBe("CONFIG_INVALID");
    expect(out.error.message).toContain('strategy.name: unknown strategy "nope"');
    const text = await studio(["--home", home, "run", path.join(home, "missing.json")]);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^error CONFIG_INVALID: cannot read config/);
  });

  it("reports a failed run with its error code and a non-zero exit", async () => {
    const home = tempHome();
    const file = writeJson(home, "cfg.json", smallConfig({ provider: "csv", symbol: "NOPE" }));
    const r = await studio(["--home", home, "--json", "run", file]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe("failed");
    expect(out.error.code).toBe("DATA_NOT_FOUND");
  });
});
