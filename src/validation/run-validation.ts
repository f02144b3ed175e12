/**
 * @module validation/run-validation
 * The single-threaded validation run: plan the jobs, run every replication loop, summarize. It is laid out the
 * way a worker-thread pool will run it: `planValidation` builds jobs that are pure functions of the config, the
 * context and the seed; replication i of a method reads only stream [seed, method, i] and writes only slot i of
 * its result array; summaries read whole arrays. Any split of 0..n-1 into batches, on any number of threads,
 * in any order, therefore yields the same arrays and byte-identical JSON.
 */

import { StudioError } from "../core/errors.js";
import { RNG_ALGORITHM } from "../core/rng.js";
import type { ValidationConfig } from "../core/run-config.js";
import { runOverfitting } from "./overfitting/overfitting.js";
import { RESAMPLE_WEIGHT, ValidationProgress } from "./progress.js";
import {
  type BootstrapJob,
  bootstrapReplicate,
  createBootstrapJob,
  createBootstrapScratch,
  summarizeBootstrap,
} from "./resampling/block-bootstrap.js";
import {
  createPermutationJob,
  createPermutationScratch,
  type PermutationJob,
  permutationReplicate,
  summarizePermutation,
} from "./resampling/permutation-test.js";
import {
  createMonteCarloJob,
  type MonteCarloJob,
  monteCarloReplicate,
  summarizeMonteCarlo,
  type TradePathOutcome,
} from "./resampling/trade-monte-carlo.js";
import { barReturns } from "./returns.js";
import type { ValidationContext, ValidationSummary } from "./types.js";
import { contextTrials } from "./walk-forward/param-grid.js";
import { runWalkForward, walkForwardRuns } from "./walk-forward/walk-forward.js";

export interface ValidationPlan {
  readonly permutation?: PermutationJob;
  readonly bootstrap?: BootstrapJob;
  readonly monteCarlo?: MonteCarloJob;
}

/** The resampling jobs of a config; deterministic, so every worker can build its own copy. */
export function planValidation(config: ValidationConfig, ctx: ValidationContext): ValidationPlan {
  const t = ctx.candles.close.length;
  if (ctx.realEquity.length !== t) {
    throw new StudioError("INTERNAL", `validation: equity has ${ctx.realEquity.length} bars, candles ${t}`);
  }
  const { replayer, seed } = ctx;
  const plan: { -readonly [K in keyof ValidationPlan]: ValidationPlan[K] } = {};
  if (config.permutation) {
    const { n } = config.permutation;
    plan.permutation = createPermutationJob(n, ctx.candles, ctx.baseParams, replayer, ctx.realEquity, seed);
  }
  if (config.block_bootstrap) {
    const returns = barReturns(ctx.realEquity, 0, t, replayer.initialCash);
    plan.bootstrap = createBootstrapJob(config.block_bootstrap, returns, seed);
  }
  if (config.monte_carlo) {
    plan.monteCarlo = createMonteCarloJob(
      config.monte_carlo.n,
      ctx.realTradeReturns,
      replayer.initialCash,
      seed,
    );
  }
  return plan;
}

/** Runs `each(i)` for i = 0..n-1, polling cancellation before every replication. */
function loop(n: number, weight: number, progress: ValidationProgress, each: (i: number) => void): void {
  for (let i = 0; i < n; i++) {
    progress.checkCancel();
    each(i);
    progress.advance(weight);
  }
}

/** How much work a plan holds: replications per method, grid trials, and the total in backtest-run units. */
export interface ValidationWork {
  readonly permutation: number;
  readonly block_bootstrap: number;
  /** 0 when there are no trades to resample. */
  readonly monte_carlo: number;
  readonly trials: number;
  readonly total: number;
}

/** The work of a plan, counted once for the single-threaded runner and the worker pool alike. */
export function validationWork(
  config: ValidationConfig,
  plan: ValidationPlan,
  ctx: ValidationContext,
): ValidationWork {
  const trials = config.wfo ? contextTrials(config.wfo.grid, ctx).length : 0;
  const permutation = plan.permutation?.n ?? 0;
  const block_bootstrap = plan.bootstrap?.config.n ?? 0;
  const monte_carlo = plan.monteCarlo && plan.monteCarlo.tradeReturns.length > 0 ? plan.monteCarlo.n : 0;
  const sections = config.wfo ? walkForwardRuns(config.wfo, trials) + (trials >= 2 ? trials : 0) : 0;
  const total = permutation + (block_bootstrap + monte_carlo) * RESAMPLE_WEIGHT + sections;
  return { permutation, block_bootstrap, monte_carlo, trials, total };
}

export function runValidation(config: ValidationConfig, ctx: ValidationContext): ValidationSummary {
  const plan = planValidation(config, ctx);
  const work = validationWork(config, plan, ctx);
  const { trials, monte_carlo: mcN } = work;
  const progress = new ValidationProgress(ctx, work.total);
  const summary: ValidationSummary = { rng: { algorithm: RNG_ALGORITHM, seed: ctx.seed } };

  const perm = plan.permutation;
  if (perm) {
    const stats = new Float64Array(perm.n);
    const scratch = createPermutationScratch(perm);
    loop(perm.n, 1, progress, (i) => {
      stats[i] = permutationReplicate(i, perm, scratch);
    });
    summary.permutation = summarizePermutation(perm, stats);
  }
  const boot = plan.bootstrap;
  if (boot) {
    const stats = new Float64Array(boot.config.n);
    const scratch = createBootstrapScratch(boot);
    loop(boot.config.n, RESAMPLE_WEIGHT, progress, (i) => {
      stats[i] = bootstrapReplicate(i, boot, scratch);
    });
    summary.block_bootstrap = summarizeBootstrap(boot, stats);
  }
  const mc = plan.monteCarlo;
  if (mc) {
    const finals = new Float64Array(mcN);
    const drawdowns = new Float64Array(mcN);
    const k = mc.checkpoints.length;
    const fan = new Float64Array(mcN * k);
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    loop(mcN, RESAMPLE_WEIGHT, progress, (i) => {
      monteCarloReplicate(i, mc, out, fan, i * k);
      finals[i] = out.finalEquity;
      drawdowns[i] = out.maxDrawdown;
    });
    summary.monte_carlo = summarizeMonteCarlo(mc, finals, drawdowns, fan);
  }
  if (config.wfo) {
    summary.wfo = runWalkForward(config.wfo, ctx, progress);
    if (trials >= 2) summary.overfitting = runOverfitting(config.wfo, ctx, progress);
  }
  progress.finish();
  return summary;
}
