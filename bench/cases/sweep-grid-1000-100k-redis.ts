/**
 * @module bench/cases/sweep-grid-1000-100k-redis
 * The `sweep_grid_1000_100k` sweep (1,000 sma_crossover trials on 100,000 1h bars, every trial recorded) with
 * the Redis transport: a real redis-server on a loopback port, the coordinator's HTTP API serving the candles,
 * and 2 `studio worker` processes started once (their first sweep downloads and caches the candles: the warmup).
 * Recorded only, no budget: it prices the transport against the in-process case. Skipped with a note when
 * redis-server is not installed (`apt-get install redis-server`).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRedis } from "../../src/sweeps/transport/test-support/redis-server.js";
import type { BenchCase } from "../case.js";
import { measure } from "../measure.js";

const HOUR = 3_600_000;
const START = Date.UTC(2012, 0, 1);
const WORKERS = 2;

/** 20 fast x 50 slow periods: 1,000 trials, none skipped (every fast < every slow). */
export const SWEEP_GRID_1000_100K = {
  base: {
    symbol: "BENCH",
    timeframe: "1h",
    start: START,
    end: START + 99_999 * HOUR,
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: {} },
  },
  space: {
    "strategy.params.fast": { from: 2, to: 21, step: 1 },
    "strategy.params.slow": { from: 50, to: 295, step: 5 },
  },
  objective: "sharpe",
};

function startWorker(
  root: string,
  redisUrl: string,
  coordinator: string,
  home: string,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(root, "bin", "studio.js"),
      "--home",
      home,
      "worker",
      "--redis",
      redisUrl,
      "--coordinator",
      coordinator,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("worker ready")) resolve(child);
    });
    child.stderr?.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`studio worker exited with ${code}: ${out}`)));
  });
}

export const sweepGrid1000x100kRedis: BenchCase = {
  name: "sweep_grid_1000_100k_redis",
  summary:
    "1000-trial sma_crossover grid on 100k 1h bars over Redis with 2 studio worker processes (loopback)",
  async run(ctx) {
    if (spawnSync("redis-server", ["--version"]).status !== 0) {
      ctx.note("sweep_grid_1000_100k_redis: skipped, redis-server is not installed");
      return;
    }
    const d = <T>(m: string) => ctx.dist<T>(m);
    const { openStudio } = await d<typeof import("../../src/runs/open-studio.js")>("runs/open-studio.js");
    const { builtinCatalog } =
      await d<typeof import("../../src/runs/builtin-catalog.js")>("runs/builtin-catalog.js");
    const { resolveHome } = await d<typeof import("../../src/store/home.js")>("store/home.js");
    const { createServer } =
      await d<typeof import("../../src/http/create-server.js")>("http/create-server.js");
    const { listenOn } = await d<typeof import("../../src/http/listen-on.js")>("http/listen-on.js");
    const { parseSweepSpec } =
      await d<typeof import("../../src/sweeps/plan/sweep-spec.js")>("sweeps/plan/sweep-spec.js");
    const { planSweep } =
      await d<typeof import("../../src/sweeps/plan/sweep-plan.js")>("sweeps/plan/sweep-plan.js");
    const { catalogCheck } = await d<typeof import("../../src/sweeps/plan/catalog-check.js")>(
      "sweeps/plan/catalog-check.js",
    );
    const { executeSweep } =
      await d<typeof import("../../src/sweeps/execute-sweep.js")>("sweeps/execute-sweep.js");
    const { coordinatorCandles } = await d<
      typeof import("../../src/sweeps/transport/coordinator-candles.js")
    >("sweeps/transport/coordinator-candles.js");
    const { redisTrialRunner } = await d<typeof import("../../src/sweeps/transport/redis-coordinator.js")>(
      "sweeps/transport/redis-coordinator.js",
    );

    const root = mkdtempSync(path.join(tmpdir(), "studio-bench-redis-"));
    const redis = await startRedis();
    const home = resolveHome(path.join(root, "coordinator"));
    const studio = openStudio(home);
    const server = await createServer({ studio, home });
    const workers: ChildProcess[] = [];
    try {
      const url = await listenOn(server, "127.0.0.1", 0);
      const catalog = builtinCatalog();
      const spec = parseSweepSpec(SWEEP_GRID_1000_100K);
      const plan = planSweep(spec, { base: spec.base, check: catalogCheck(catalog) });
      if (plan.trials.length !== 1000) throw new Error(`expected 1000 trials, planned ${plan.trials.length}`);
      const candles = await coordinatorCandles(studio.store.db, home, plan);
      for (let i = 0; i < WORKERS; i++) {
        workers.push(await startWorker(ctx.root, redis.url, url, path.join(root, `worker-${i}`)));
      }
      let n = 0;
      const sweep = () =>
        executeSweep({
          plan,
          catalog,
          candles: candles.candles,
          runTrials: redisTrialRunner({
            redisUrl: redis.url,
            sweepId: `bench-${n++}`,
            candleHash: candles.candleHash,
            candleSha256: candles.sha256,
            plugins: {},
          }),
        });
      const m = await measure("sweep_grid_1000_100k_redis", sweep, {
        runs: 3,
        warmup: 1,
        notes: `1,000 sma_crossover trials on 100,000 1h bars, every trial recorded, ${WORKERS} studio worker processes over Redis on loopback, batches of 25; statistics and holdout included`,
      });
      ctx.record(m);
      ctx.note(`sweep_grid_1000_100k_redis: ${(1000 / (m.median / 1000)).toFixed(0)} trials/s (median)`);
    } finally {
      for (const w of workers) w.kill("SIGTERM");
      await server.app.close();
      studio.close();
      await redis.stop();
      rmSync(root, { recursive: true, force: true });
    }
  },
};
