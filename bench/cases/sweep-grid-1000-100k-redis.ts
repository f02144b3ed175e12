/**
 * @module bench/cases/sweep-grid-1000-100k-redis
 * The `sweep_grid_1000_100k` sweep (same spec: 1,000 sma_crossover trials on 100,000 1h bars, every trial
 * committed, artifacts written) with the Redis transport: a real redis-server on a loopback port, the studio's
 * HTTP API on the coordinator's home serving the candles, and 2 `studio worker` processes started once (the
 * unmeasured first sweep is where they download and cache the candles). Recorded only, no budget: it prices the
 * transport against the threads case. Skipped with a note when redis-server is not installed.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRedis } from "../../src/sweeps/transport/test-support/redis-server.js";
import type { BenchCase } from "../case.js";
import { measure } from "../measure.js";
import { SWEEP_GRID_1000_100K_SPEC } from "./sweep-grid-1000-100k.js";

const TRIALS = 1000;
const WORKERS = 2;

function startWorker(
  root: string,
  redisUrl: string,
  coordinator: string,
  home: string,
): Promise<ChildProcess> {
  const bin = path.join(root, "bin", "studio.js");
  const args = [bin, "--home", home, "worker", "--redis", redisUrl, "--coordinator", coordinator];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
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
  summary: "the sweep_grid_1000_100k sweep over Redis with 2 studio worker processes on loopback",
  async run(ctx) {
    if (spawnSync("redis-server", ["--version"]).status !== 0) {
      ctx.note("sweep_grid_1000_100k_redis: skipped, redis-server is not installed");
      return;
    }
    const { openStudio } = (await ctx.dist(
      "runs/open-studio.js",
    )) as typeof import("../../src/runs/open-studio.js");
    const { SweepService } = (await ctx.dist(
      "sweeps/sweep-service.js",
    )) as typeof import("../../src/sweeps/sweep-service.js");
    const { resolveHome } = (await ctx.dist("store/home.js")) as typeof import("../../src/store/home.js");
    const { createServer } = (await ctx.dist(
      "http/create-server.js",
    )) as typeof import("../../src/http/create-server.js");
    const { listenOn } = (await ctx.dist(
      "http/guards/listen-on.js",
    )) as typeof import("../../src/http/guards/listen-on.js");

    const root = mkdtempSync(path.join(tmpdir(), "studio-bench-redis-"));
    const redis = await startRedis();
    const home = resolveHome(path.join(root, "coordinator"));
    const studio = openStudio(home);
    const server = await createServer({ studio, home });
    const workers: ChildProcess[] = [];
    try {
      const url = await listenOn(server, "127.0.0.1", 0);
      for (let i = 0; i < WORKERS; i++) {
        workers.push(await startWorker(ctx.root, redis.url, url, path.join(root, `worker-${i}`)));
      }
      const service = new SweepService(studio, home, { redisUrl: redis.url });
      const sweep = async () => {
        const { sweep } = service.submit(SWEEP_GRID_1000_100K_SPEC, { force: true });
        const done = await service.run(sweep.sweepId);
        if (done.status !== "completed" || done.trialsDone !== TRIALS)
          throw new Error(`sweep ${done.status}: ${done.errorMessage} (${done.trialsDone} trials)`);
      };
      const m = await measure("sweep_grid_1000_100k_redis", sweep, {
        runs: 3,
        warmup: 1,
        notes: `${TRIALS} trials x 100,000 1h bars (80,000 in-sample), ${WORKERS} studio worker processes over Redis on loopback (batches of 25), every trial committed, artifacts written`,
      });
      ctx.record(m);
      ctx.note(`sweep_grid_1000_100k_redis: ${(TRIALS / (m.median / 1000)).toFixed(0)} trials/s`);
    } finally {
      for (const w of workers) w.kill("SIGTERM");
      await server.app.close();
      studio.close();
      await redis.stop();
      rmSync(root, { recursive: true, force: true });
    }
  },
};
