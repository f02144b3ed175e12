/**
 * @module bench/run
 * `npm run bench`: the project's performance budgets (DESIGN.md section 6), measured on this machine and printed
 * as one JSON document (also written to bench/results/latest.json). Each case states its budget and whether the
 * median met it. `--only name,name` runs a subset; `--skip-large` skips the 10M-bar memory case.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

// The benchmark measures the compiled code users run (dist/), not the TypeScript sources: worker threads in
// particular start from compiled JavaScript in production.
// Run through `npm run bench`, which compiles this file and starts it with plain node from the package root: worker
// threads inherit the parent's loader flags, so running it under tsx would slow the pool down.
const root = process.cwd();
try {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
} catch (err) {
  // tsc still emits on type errors; `npm run typecheck` is the gate, the benchmark only needs the JavaScript.
  process.stderr.write(
    `warning: build reported errors:\n${(err as { stdout?: Buffer }).stdout?.toString().slice(0, 2000)}\n`,
  );
}
const dist = (m: string) => import(pathToFileURL(path.join(root, "dist", m)).href);
const { parseRunConfigShape } = (await dist(
  "core/run-config.js",
)) as typeof import("../src/core/run-config.js");
const { decodeCandleFile, encodeCandleFile } = (await dist(
  "data/cache-file.js",
)) as typeof import("../src/data/cache-file.js");
const { gapFlags } = (await dist("data/gap-flags.js")) as typeof import("../src/data/gap-flags.js");
const { generateSynthetic } = (await dist(
  "data/synthetic-generator.js",
)) as typeof import("../src/data/synthetic-generator.js");
const { planBacktest } = (await dist(
  "engine/plan-backtest.js",
)) as typeof import("../src/engine/plan-backtest.js");
const { runBacktest } = (await dist(
  "engine/run-backtest.js",
)) as typeof import("../src/engine/run-backtest.js");
const { inputColumns } = (await dist("engine/run-plan.js")) as typeof import("../src/engine/run-plan.js");
const { builtinCatalog } = (await dist(
  "runs/builtin-catalog.js",
)) as typeof import("../src/runs/builtin-catalog.js");
const { simulate } = (await dist("engine/simulate.js")) as typeof import("../src/engine/simulate.js");
const { computeFeatures } = (await dist(
  "indicators/compute-features.js",
)) as typeof import("../src/indicators/compute-features.js");
const { computeMetrics } = (await dist(
  "metrics/compute-metrics.js",
)) as typeof import("../src/metrics/compute-metrics.js");
const { runValidationPooled } = (await dist(
  "runs/validation-pool.js",
)) as typeof import("../src/runs/validation-pool.js");

import { type Measurement, measure, summarize } from "./measure.js";

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1]!.split(",") : undefined;
const wanted = (name: string) => only === undefined || only.includes(name);
const results: Measurement[] = [];
const log = (m: Measurement) => {
  results.push(m);
  process.stderr.write(
    `${m.name}: median ${m.median} ms (min ${m.min}, max ${m.max})${m.budget === null ? "" : ` budget ${m.budget} ms ${m.pass ? "PASS" : "FAIL"}`}\n`,
  );
};

const MINUTE = 60_000;
const start = Date.UTC(2020, 0, 1);
const request = (bars: number) => ({
  symbol: "BENCH",
  timeframe: "1m" as const,
  start,
  end: start + (bars - 1) * MINUTE,
});
const smaConfig = (bars: number, extra: Record<string, unknown> = {}) =>
  parseRunConfigShape({
    ...request(bars),
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } },
    ...extra,
  });

if (wanted("core_pipeline_1m")) {
  const candles = generateSynthetic(request(1_000_000));
  const config = smaConfig(1_000_000);
  log(
    await measure("core_pipeline_1m", () => runBacktest(config, { candles }), {
      budget: 50,
      runs: 9,
      notes: "features + signal + simulation + metrics, SMA 10/50 crossover, 1,000,000 1m bars in memory",
    }),
  );
  const plan = planBacktest(config, builtinCatalog());
  const parts = {
    features: [] as number[],
    signal: [] as number[],
    simulation: [] as number[],
    metrics: [] as number[],
  };
  for (let i = 0; i < 9; i++) {
    let t = performance.now();
    const f = computeFeatures(plan.indicators, candles);
    parts.features.push(performance.now() - t);
    t = performance.now();
    const signal = new Float64Array(candles.ts.length);
    plan.strategy.def.signal(inputColumns(plan, f), plan.strategy.params, signal);
    parts.signal.push(performance.now() - t);
    t = performance.now();
    const sim = simulate(candles, signal, {
      initialCash: 10_000,
      execution: config.execution,
      risk: plan.risk,
      intervalMs: MINUTE,
    });
    parts.simulation.push(performance.now() - t);
    t = performance.now();
    computeMetrics({
      candles,
      portfolio: sim.portfolio,
      fills: sim.fills,
      trades: sim.trades,
      initialCash: 10_000,
    });
    parts.metrics.push(performance.now() - t);
  }
  for (const [k, v] of Object.entries(parts)) log(summarize(`core_pipeline_1m.${k}`, v.slice(2)));
}

if (wanted("parquet_1m")) {
  const c = generateSynthetic(request(1_000_000));
  const candles = { ...c, gapFlag: gapFlags(c.ts, MINUTE) };
  let bytes: Uint8Array = new Uint8Array();
  log(
    await measure("parquet_write_1m", () => (bytes = encodeCandleFile(candles, {})), {
      budget: 300,
      notes: "candle Parquet, 7 columns",
    }),
  );
  log(
    await measure("parquet_read_1m", () => decodeCandleFile(bytes), {
      budget: 150,
      notes: "candle Parquet to typed arrays",
    }),
  );
}

if (wanted("permutation_1000_10k")) {
  const candles = generateSynthetic(request(10_000));
  const config = smaConfig(10_000, { validation: { permutation: { n: 1000 } } });
  const real = runBacktest(config, { candles });
  const inputs = {
    catalog: builtinCatalog(),
    candles,
    realEquity: real.equity,
    realTradeReturns: real.trades.returnPct,
  };
  const threads = availableParallelism();
  log(
    await measure("permutation_1000_10k", () => runValidationPooled(config, inputs, { threads }), {
      budget: 1000,
      runs: 5,
      warmup: 1,
      notes: `n=1000 permutations of 10,000 bars, SMA crossover, ${threads} worker threads, pool start included`,
    }),
  );
  log(
    await measure("permutation_1000_10k_1thread", () => runValidationPooled(config, inputs, { threads: 1 }), {
      runs: 3,
      warmup: 1,
      notes: "same on 1 worker thread, for the scaling ratio",
    }),
  );
}

if (wanted("studio_run_1m")) {
  const home = mkdtempSync(path.join(tmpdir(), "studio-bench-"));
  const cfg = path.join(home, "bench.json");
  writeFileSync(
    cfg,
    JSON.stringify({
      ...request(1_000_000),
      start: new Date(start).toISOString(),
      end: new Date(start + 999_999 * MINUTE).toISOString(),
      provider: "synthetic",
      strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } },
    }),
  );
  const run = () => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, "bin", "studio.js"), "--home", home, "--json", "run", cfg, "--force"],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`studio run failed: ${r.stdout}${r.stderr}`);
    return JSON.parse(r.stdout) as { run_dir: string };
  };
  const warm = await measure("studio_run_1m_warm_cache", run, {
    budget: 1500,
    runs: 5,
    warmup: 1,
    notes:
      "`studio run` process wall time, 1,000,000 1m bars, candle and feature caches warm, every artifact and the manifest written",
  });
  log(warm);
  const coldFeatures = [] as number[];
  for (let i = 0; i < 3; i++) {
    rmSync(path.join(home, "cache", "features"), { recursive: true, force: true });
    const t0 = performance.now();
    run();
    coldFeatures.push(performance.now() - t0);
  }
  log(
    summarize(
      "studio_run_1m_warm_candles_cold_features",
      coldFeatures,
      undefined,
      "same, with the feature cache emptied before each run (features computed and cached)",
    ),
  );
  const summary = JSON.parse(readFileSync(path.join(run().run_dir, "summary.json"), "utf8"));
  process.stderr.write(`stage timings of one run (ms): ${JSON.stringify(summary.stage_timings_ms)}\n`);
  rmSync(home, { recursive: true, force: true });
}

if (wanted("memory_10m") && !args.includes("--skip-large")) {
  const script = `import { generateSynthetic } from "${path.join(root, "dist/data/synthetic-generator.js")}";
import { runBacktest } from "${path.join(root, "dist/engine/run-backtest.js")}";
const start = ${start};
const candles = generateSynthetic({ symbol: "BENCH", timeframe: "1m", start, end: start + (10_000_000 - 1) * 60000 });
const r = runBacktest({ symbol: "BENCH", timeframe: "1m", start, end: start + (10_000_000 - 1) * 60000, provider: "synthetic", strategy: { name: "sma_crossover", params: { fast: 10, slow: 50 } } }, { candles });
console.log(JSON.stringify({ rss: process.memoryUsage().rss, trades: r.metrics.trade_count }));`;
  mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const file = path.join(root, ".tmp", "bench-memory-10m.mjs");
  writeFileSync(file, script);
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [file], { cwd: root, encoding: "utf8" });
  const { rss } = JSON.parse(out.trim().split("\n").at(-1)!);
  const mb = Math.round(rss / 1048576);
  results.push({
    name: "memory_10m_rss_mb",
    unit: "ms",
    median: mb,
    min: mb,
    max: mb,
    runs: 1,
    budget: 2048,
    pass: mb <= 2048,
    notes: `resident memory after a full in-memory backtest of 10,000,000 1m bars; took ${Math.round(performance.now() - t0)} ms including generation`,
  });
  process.stderr.write(`memory_10m_rss_mb: ${mb} MB budget 2048 ${mb <= 2048 ? "PASS" : "FAIL"}\n`);
}

const report = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memory_gb: Math.round(totalmem() / 2 ** 30),
  },
  results,
};
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
