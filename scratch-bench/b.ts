import { generateSynthetic } from "../src/data/synthetic-generator.js";
import { runSweep } from "../src/sweeps/run-sweep.js";
const H = 3_600_000, T0 = Date.UTC(2010, 0, 1);
const req = { symbol: "BENCH", timeframe: "1h" as const, start: T0, end: T0 + 99_999 * H };
const candles = generateSynthetic(req);
const spec = { base: { ...req, provider: "synthetic", strategy: { name: "sma_crossover", params: {} } },
  space: { "strategy.params.fast": { from: 2, to: 50, step: 2 }, "strategy.params.slow": { from: 55, to: 250, step: 5 } }, holdout: 0.2 };
for (const threads of [2, 1, 2]) {
  const t = performance.now();
  const r = await runSweep(spec, { candles, threads: Number(process.argv[2] ?? threads) });
  console.log(threads, r.summary.counts, ((performance.now() - t) / 1000).toFixed(2), "s");
}
