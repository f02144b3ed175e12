/**
 * @module bench/cases/studio-run-1m
 * `studio run` end to end as a user runs it: a new process on a million 1m bars from a warm candle cache, every
 * artifact and the manifest written; then the same with the feature cache emptied before each run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchCase } from "../case.js";
import { writeStudioRun1mConfig } from "../case.js";
import { measure, summarize } from "../measure.js";

export const studioRun1m: BenchCase = {
  name: "studio_run_1m",
  summary: "`studio run` process on 1M 1m bars, warm caches, all artifacts written",
  async run(ctx) {
    const home = mkdtempSync(path.join(tmpdir(), "studio-bench-"));
    try {
      const cfg = writeStudioRun1mConfig(home);
      const run = () => {
        const r = spawnSync(
          process.execPath,
          [path.join(ctx.root, "bin", "studio.js"), "--home", home, "--json", "run", cfg, "--force"],
          { encoding: "utf8" },
        );
        if (r.status !== 0) throw new Error(`studio run failed: ${r.stdout}${r.stderr}`);
        return JSON.parse(r.stdout) as { run_dir: string };
      };
      ctx.record(
        await measure("studio_run_1m_warm_cache", run, {
          // No-regression budget: about 800x measured on the 2-core development machine (2026-12-01) when quiet,
          // 1350x when it was shared with other heavy jobs (process start and fsync do not scale with the floor).
          budgetX: 1500,
          runs: 5,
          warmup: 1,
          notes:
            "`studio run` process wall time, 1,000,000 1m bars, candle and feature caches warm, every artifact and the manifest written",
        }),
      );
      const coldFeatures: number[] = [];
      for (let i = 0; i < 3; i++) {
        rmSync(path.join(home, "cache", "features"), { recursive: true, force: true });
        const t0 = performance.now();
        run();
        coldFeatures.push(performance.now() - t0);
      }
      ctx.record(
        summarize("studio_run_1m_warm_candles_cold_features", coldFeatures, {
          notes: "same, with the feature cache emptied before each run (features computed and cached)",
        }),
      );
      const summary = JSON.parse(readFileSync(path.join(run().run_dir, "summary.json"), "utf8"));
      ctx.note(`stage timings of one run (ms): ${JSON.stringify(summary.stage_timings_ms)}`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};
