/**
 * @module bench/cases/memory-10m
 * Whether ten million bars fit: a full in-memory backtest of 10,000,000 1m bars in a fresh process, reporting its
 * resident memory against an absolute budget (memory, unlike time, does not depend on the machine's speed).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchCase } from "../case.js";
import { BENCH_START, MINUTE, SMA_10_50 } from "../case.js";
import { memory } from "../measure.js";

const BUDGET_MB = 2048;

export const memory10m: BenchCase = {
  name: "memory_10m",
  summary: "resident memory of a 10M-bar in-memory backtest (needs about 1 GB)",
  large: true,
  async run(ctx) {
    const url = (m: string) => pathToFileURL(path.join(ctx.root, "dist", m)).href;
    const end = BENCH_START + (10_000_000 - 1) * MINUTE;
    const request = { symbol: "BENCH", timeframe: "1m", start: BENCH_START, end };
    const script = `import { generateSynthetic } from ${JSON.stringify(url("data/providers/synthetic/synthetic-generator.js"))};
import { runBacktest } from ${JSON.stringify(url("engine/run-backtest.js"))};
const request = ${JSON.stringify(request)};
const candles = generateSynthetic(request);
const r = runBacktest({ ...request, provider: "synthetic", strategy: ${JSON.stringify(SMA_10_50)} }, { candles });
console.log(JSON.stringify({ rss: process.memoryUsage().rss, trades: r.metrics.trade_count }));`;
    mkdirSync(path.join(ctx.root, ".tmp"), { recursive: true });
    const file = path.join(ctx.root, ".tmp", "bench-memory-10m.mjs");
    writeFileSync(file, script);
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [file], { cwd: ctx.root, encoding: "utf8" });
    const { rss } = JSON.parse(out.trim().split("\n").at(-1)!) as { rss: number };
    ctx.record(
      memory(
        "memory_10m_rss_mb",
        Math.round(rss / 1048576),
        BUDGET_MB,
        `resident memory after a full in-memory backtest of 10,000,000 1m bars; took ${Math.round(performance.now() - t0)} ms including generation`,
      ),
    );
  },
};
