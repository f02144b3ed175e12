/**
 * @module runs/test-support/fake-pipeline
 * Small pipelines for lifecycle tests: they walk the stages, write a tiny run folder the way the real pipeline
 * does (staging, manifest, rename), and can be told to fail or to wait until cancelled.
 */
import { mkdirSync, renameSync } from "node:fs";
import { StudioError } from "../../core/errors.js";
import { ArtifactSet } from "../artifacts/artifact-set.js";
import { STAGES } from "../events/events.js";
import type { Pipeline } from "../pipeline-types.js";
import { runDir, stagingDir } from "../run-paths.js";

export interface FakeOptions {
  /** Throw this error code at this stage. */
  failAt?: { stage: (typeof STAGES)[number]; code: "DATA_INVALID" | "INTERNAL" };
  /** Spin in the validation stage until cancelled. */
  blockUntilCancelled?: boolean;
  /** Milliseconds spent in each stage (to observe a run from outside while it runs). */
  slowStages?: number;
}

export function fakePipeline(options: FakeOptions = {}): Pipeline {
  return async (ctx) => {
    for (const stage of STAGES) {
      ctx.stage(stage);
      if (options.failAt?.stage === stage)
        throw new StudioError(options.failAt.code, `injected failure at ${stage}`);
      if (stage === "validation" && options.blockUntilCancelled) {
        for (let i = 0; ; i++) {
          ctx.checkCancelled();
          ctx.progress((i % 100) / 100);
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      if (options.slowStages) await new Promise((r) => setTimeout(r, options.slowStages));
      ctx.progress(1);
    }
    const staging = stagingDir(ctx.home, ctx.run.runId);
    mkdirSync(staging, { recursive: true });
    const set = new ArtifactSet(staging);
    set.addJson("metrics.json", { total_return: 0.01 });
    const completedAt = ctx.clock();
    const { written } = await set.seal({
      run_id: ctx.run.runId,
      created_at: completedAt,
      config_hash: ctx.run.hash,
    });
    renameSync(staging, runDir(ctx.home, ctx.run.runId));
    return { completedAt, metricsSummary: { total_return: 0.01 }, manifestSha: written.sha256 };
  };
}
