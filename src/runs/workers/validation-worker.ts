/**
 * @module runs/workers/validation-worker
 * A validation worker thread: rebuilds the run's catalog and plan from the task (once per run, cached), then computes
 * replications [from, to) of one method, or a whole walk-forward / overfitting section. Replication i always reads
 * random stream [seed, method, i], so which worker computes it does not matter. Errors come back as data so their
 * stable codes survive the thread boundary.
 */
import { toStudioError } from "../../core/errors.js";
import type { RunConfig } from "../../core/run-config.js";
import { createReplayer } from "../../engine/replayer.js";
import { runOverfitting } from "../../validation/overfitting/overfitting.js";
import { ValidationProgress } from "../../validation/progress.js";
import { bootstrapReplicate, createBootstrapScratch } from "../../validation/resampling/block-bootstrap.js";
import {
  createPermutationScratch,
  permutationReplicate,
} from "../../validation/resampling/permutation-test.js";
import { monteCarloReplicate, type TradePathOutcome } from "../../validation/resampling/trade-monte-carlo.js";
import { planValidation, type ValidationPlan } from "../../validation/run-validation.js";
import type { ValidationContext } from "../../validation/types.js";
import { contextTrials } from "../../validation/walk-forward/param-grid.js";
import { runWalkForward, walkForwardRuns } from "../../validation/walk-forward/walk-forward.js";
import { CONTROL, type TaskInit, type TaskResult, type ValidationTask } from "./validation-task.js";
import { workerCatalog } from "./worker-catalog.js";

interface Prepared {
  readonly config: RunConfig;
  readonly ctx: ValidationContext;
  readonly plan: ValidationPlan;
  scratch?: unknown;
}

const cache = new Map<string, Prepared>();

async function prepare(init: TaskInit): Promise<Prepared> {
  let prepared = cache.get(init.key);
  if (!prepared) {
    const config = JSON.parse(init.configJson) as RunConfig;
    const catalog = await workerCatalog(init.plugins, init.home);
    const ctx: ValidationContext = {
      candles: init.candles,
      baseParams: config.strategy.params,
      replayer: createReplayer(config, init.candles, catalog, init.history),
      seed: config.seed,
      realEquity: init.realEquity,
      realTradeReturns: init.realTradeReturns,
      shouldCancel: () => Atomics.load(init.control, CONTROL.cancel) === 1,
    };
    prepared = { config, ctx, plan: planValidation(config.validation, ctx) };
    cache.clear();
    cache.set(init.key, prepared);
  }
  return prepared;
}

/** Progress of a whole section, published as thousandths of a backtest run in its control slot. */
function sectionProgress(p: Prepared, control: Int32Array, slot: number, total: number): ValidationProgress {
  return new ValidationProgress(
    {
      shouldCancel: p.ctx.shouldCancel,
      onProgress: (ratio) => Atomics.store(control, slot, Math.round(ratio * total * 1000)),
    },
    total,
  );
}

export default async function run(task: ValidationTask): Promise<TaskResult> {
  if (Atomics.load(task.init.control, CONTROL.cancel) === 1) {
    return { error: { code: "CANCELLED", message: "validation cancelled" } };
  }
  try {
    const p = await prepare(task.init);
    const control = task.init.control;
    const cancelled = () => Atomics.load(control, CONTROL.cancel) === 1;
    switch (task.kind) {
      case "permutation": {
        const job = p.plan.permutation!;
        const scratch = createPermutationScratch(job);
        const stats = new Float64Array(task.to - task.from);
        for (let i = task.from; i < task.to; i++) {
          if (cancelled()) return { error: { code: "CANCELLED", message: "validation cancelled" } };
          stats[i - task.from] = permutationReplicate(i, job, scratch);
          Atomics.add(control, CONTROL.permutation, 1);
        }
        return { stats };
      }
      case "block_bootstrap": {
        const job = p.plan.bootstrap!;
        const scratch = createBootstrapScratch(job);
        const stats = new Float64Array(task.to - task.from);
        for (let i = task.from; i < task.to; i++) {
          if ((i & 63) === 0 && cancelled())
            return { error: { code: "CANCELLED", message: "validation cancelled" } };
          stats[i - task.from] = bootstrapReplicate(i, job, scratch);
          Atomics.add(control, CONTROL.block_bootstrap, 1);
        }
        return { stats };
      }
      case "monte_carlo": {
        const job = p.plan.monteCarlo!;
        const stats = new Float64Array(task.to - task.from);
        const drawdowns = new Float64Array(task.to - task.from);
        const k = job.checkpoints.length;
        const fan = new Float64Array((task.to - task.from) * k);
        const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
        for (let i = task.from; i < task.to; i++) {
          if ((i & 63) === 0 && cancelled())
            return { error: { code: "CANCELLED", message: "validation cancelled" } };
          monteCarloReplicate(i, job, out, fan, (i - task.from) * k);
          stats[i - task.from] = out.finalEquity;
          drawdowns[i - task.from] = out.maxDrawdown;
          Atomics.add(control, CONTROL.monte_carlo, 1);
        }
        return { stats, drawdowns, fan };
      }
      case "wfo": {
        const wfo = p.config.validation.wfo!;
        const trials = contextTrials(wfo.grid, p.ctx).length;
        return {
          summary: runWalkForward(
            wfo,
            p.ctx,
            sectionProgress(p, control, CONTROL.wfo, walkForwardRuns(wfo, trials)),
          ),
        };
      }
      case "overfitting": {
        const wfo = p.config.validation.wfo!;
        const trials = contextTrials(wfo.grid, p.ctx).length;
        return {
          summary: runOverfitting(wfo, p.ctx, sectionProgress(p, control, CONTROL.overfitting, trials)),
        };
      }
    }
  } catch (err) {
    const e = toStudioError(err);
    return { error: { code: e.code, message: e.message } };
  }
}
