import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeParquet } from "../../store/parquet/parquet.js";
import { smallConfig, studio, tempHome, writeJson } from "../test-support/studio-cli.js";

async function completedRun(home: string): Promise<{ run_id: string; run_dir: string }> {
  const r = await studio(["--home", home, "--json", "run", writeJson(home, "cfg.json", smallConfig())]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("studio runs (real binary)", () => {
  it("lists, shows and deletes runs", async () => {
    const home = tempHome();
    const run = await completedRun(home);
    const list = JSON.parse((await studio(["--home", home, "--json", "runs", "list"])).stdout);
    expect(list.map((r: { run_id: string }) => r.run_id)).toEqual([run.run_id]);
    expect(list[0].metrics_summary.total_return).toEqual(expect.any(Number));
    const text = (await studio(["--home", home, "runs", "list", "--status", "completed"])).stdout;
    expect(text, "people see the short id and the strategy with its params").toContain(
      run.run_id.slice(0, 8),
    );
    expect(text).toContain("sma_crossover(fast=5, slow=20");
    const show = JSON.parse((await studio(["--home", home, "--json", "runs", "show", run.run_id])).stdout);
    expect(show.manifest.files.map((f: { name: string }) => f.name)).toContain("equity.parquet");
    expect((await studio(["--home", home, "runs", "show", run.run_id])).stdout).toContain("equity.parquet");
    expect(show.manifest.files.map((f: { name: string }) => f.name)).toContain("report.html");
    expect((await studio(["--home", home, "runs", "delete", run.run_id])).code).toBe(0);
    const gone = await studio(["--home", home, "--json", "runs", "show", run.run_id]);
    expect(gone.code).toBe(1);
    expect(JSON.parse(gone.stdout).error.code).toBe("NOT_FOUND");
  });

  it("verifies a run and names the file that was modified", async () => {
    const home = tempHome();
    const run = await completedRun(home);
    const ok = await studio(["--home", home, "--json", "runs", "verify", run.run_id]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    const metrics = path.join(run.run_dir, "metrics.json");
    writeFileSync(metrics, readFileSync(metrics, "utf8").replace(/"trade_count": \d+/, '"trade_count": 999'));
    const bad = await studio(["--home", home, "runs", "verify", run.run_id]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/metrics\.json\s+(sha256|size)_mismatch/);
    expect(bad.stdout).toMatch(/equity\.parquet\s+ok/);
  });

  it("verify reports a file replaced by a directory and an unlisted file, exiting 1 without INTERNAL", async () => {
    const home = tempHome();
    const run = await completedRun(home);
    rmSync(path.join(run.run_dir, "metrics.json"));
    mkdirSync(path.join(run.run_dir, "metrics.json"));
    writeFileSync(path.join(run.run_dir, "notes.txt"), "mine");
    const r = await studio(["--home", home, "--json", "runs", "verify", run.run_id]);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    const status = Object.fromEntries(
      (report.files as { name: string; status: string }[]).map((f) => [f.name, f.status]),
    );
    expect(status["metrics.json"]).toBe("not_regular");
    expect(status["notes.txt"]).toBe("extra");
    const text = await studio(["--home", home, "runs", "verify", run.run_id]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/metrics\.json\s+not_regular/);
    expect(text.stdout).toMatch(/notes\.txt\s+extra/);
    writeFileSync(path.join(run.run_dir, "manifest.json"), "{ not json");
    const invalid = await studio(["--home", home, "--json", "runs", "verify", run.run_id]);
    expect(invalid.code, invalid.stderr).toBe(1);
    expect(JSON.parse(invalid.stdout).manifest.status).toBe("manifest_invalid");
    const shown = await studio(["--home", home, "--json", "runs", "show", run.run_id]);
    expect(shown.code, "show still answers, without the manifest it cannot read").toBe(0);
    expect(JSON.parse(shown.stdout).manifest).toBeNull();
  });

  it("exports artifacts as CSV, JSON and Parquet, to stdout or a file", async () => {
    const home = tempHome();
    const run = await completedRun(home);
    const csv = await studio(["--home", home, "runs", "export", run.run_id, "equity", "--format", "csv"]);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("ts_utc,equity");
    expect(lines[1]).toMatch(/^1704067200000,10000(\.\d+)?$/);
    const equity = await decodeParquet(readFileSync(path.join(run.run_dir, "equity.parquet")));
    expect(lines.length - 1, "one CSV row per bar").toBe(equity.rowCount);

    const json = JSON.parse(
      (await studio(["--home", home, "runs", "export", run.run_id, "trades", "--format", "json"])).stdout,
    );
    expect(Object.keys(json[0])).toEqual([
      "ts_utc",
      "side",
      "qty",
      "price",
      "fee",
      "slippage",
      "pnl_realized",
      "borrow_cost",
      "reason",
    ]);

    const out = path.join(home, "portfolio.parquet");
    expect(
      (
        await studio([
          "--home",
          home,
          "runs",
          "export",
          run.run_id,
          "portfolio",
          "--format",
          "parquet",
          "--out",
          out,
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(out).equals(readFileSync(path.join(run.run_dir, "portfolio.parquet")))).toBe(true);

    const metricsCsv = (
      await studio(["--home", home, "runs", "export", run.run_id, "metrics", "--format", "csv"])
    ).stdout;
    expect(metricsCsv.split("\n")[0]).toMatch(/^total_return,cagr,/);
    const bad = await studio([
      "--home",
      home,
      "--json",
      "runs",
      "export",
      run.run_id,
      "../../studio.db",
      "--format",
      "csv",
    ]);
    expect(JSON.parse(bad.stdout).error.code).toBe("CONFIG_INVALID");
  });
});

describe("studio presets (real binary)", () => {
  it("saves, lists, shows and deletes presets, refusing invalid names and configs", async () => {
    const home = tempHome();
    const file = writeJson(home, "cfg.json", smallConfig());
    expect((await studio(["--home", home, "presets", "save", "fast-sma", file])).stdout).toBe(
      "saved preset fast-sma\n",
    );
    const list = JSON.parse((await studio(["--home", home, "--json", "presets", "list"])).stdout);
    expect(list.map((p: { name: string }) => p.name)).toEqual(["fast-sma"]);
    const shown = JSON.parse((await studio(["--home", home, "presets", "show", "fast-sma"])).stdout);
    expect(shown.strategy.params).toEqual({ fast: 5, slow: 20, allow_short: false });
    expect(JSON.parse(readFileSync(path.join(home, "presets", "fast-sma.json"), "utf8"))).toEqual(shown);

    const badName = await studio(["--home", home, "--json", "presets", "save", "../evil", file]);
    expect(JSON.parse(badName.stdout).error.code).toBe("CONFIG_INVALID");
    const badConfig = await studio([
      "--home",
      home,
      "--json",
      "presets",
      "save",
      "p2",
      writeJson(home, "bad.json", { symbol: "X" }),
    ]);
    expect(JSON.parse(badConfig.stdout).error.code).toBe("CONFIG_INVALID");

    expect((await studio(["--home", home, "presets", "delete", "fast-sma"])).code).toBe(0);
    const missing = await studio(["--home", home, "--json", "presets", "show", "fast-sma"]);
    expect(JSON.parse(missing.stdout).error.code).toBe("NOT_FOUND");
  });

  it("accepts any unique id prefix, and prints formatted metrics and every warning", async () => {
    const home = tempHome();
    const cfg = smallConfig({ execution: { lot_size: 100000 } });
    const r = await studio(["--home", home, "--json", "run", writeJson(home, "cfg.json", cfg)]);
    expect(r.code, r.stderr).toBe(0);
    const id: string = JSON.parse(r.stdout).run_id;
    const show = await studio(["--home", home, "runs", "show", id.slice(0, 5)]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(id);
    expect(show.stdout).toMatch(/total_return\s+-?\d+\.\d\d%/);
    expect(show.stdout).toMatch(/start_ts\s+2024-01-01T00:00:00Z/);
    expect(show.stdout, "skipped entries are said, not hidden in summary.json").toMatch(
      /! \d+ entr(y|ies) skipped/,
    );
    expect(show.stdout).toContain("no trade was closed");
    const missing = await studio(["--home", home, "--json", "runs", "show", "ffffffff-f"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe("NOT_FOUND");
  });

  it("compares runs side by side with differences and the config diff", async () => {
    const home = tempHome();
    const a = await completedRun(home);
    const cfg = smallConfig({ strategy: { name: "sma_crossover", params: { fast: 8, slow: 20 } } });
    const b = JSON.parse(
      (await studio(["--home", home, "--json", "run", writeJson(home, "b.json", cfg)])).stdout,
    );
    const r = await studio(["--home", home, "runs", "compare", a.run_id.slice(0, 8), b.run_id.slice(0, 8)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/total_return\s+-?\d+\.\d\d%\s+-?\d+\.\d\d%\s+[+-]?\d+\.\d\d pp/);
    expect(r.stdout).toMatch(/strategy\.params\.fast\s+5\s+8/);
    const json = JSON.parse(
      (await studio(["--home", home, "--json", "runs", "compare", a.run_id, b.run_id])).stdout,
    );
    expect(json.config_diff).toEqual([{ path: "strategy.params.fast", values: ["5", "8"] }]);
    const one = await studio(["--home", home, "--json", "runs", "compare", a.run_id]);
    expect(one.code).toBe(2);
    expect(JSON.parse(one.stdout).error.code).toBe("CONFIG_INVALID");
  });

  it("open prints the report's path and succeeds where no display exists", async () => {
    const home = tempHome();
    const run = await completedRun(home);
    const r = await studio(["--home", home, "runs", "open", run.run_id.slice(0, 8)], {
      env: { DISPLAY: "", WAYLAND_DISPLAY: "" },
    });
    expect(r.code, r.stderr).toBe(0);
    const file = path.join(run.run_dir, "report.html");
    expect(r.stdout.trim()).toBe(`report: ${file}`);
    const html = readFileSync(file, "utf8");
    expect(html, "the page works offline: no external script or stylesheet").not.toMatch(
      /<script[^>]+src=|<link[^>]+stylesheet/,
    );
    expect(html).toContain('id="report-data"');
  });
});
