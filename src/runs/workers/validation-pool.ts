/**
 * @module runs/workers/validation-pool
 * Runs a run's validation on a pool of worker threads (piscina), so it uses every core and never blocks the
 * event loop that serves progress and cancellation. Candles live in shared memory; each method's replications are
 * split into batches, and walk-forward and overfitting run as whole sections beside them. Because replication i
 * reads only its own random stream and writes only slot i, the summary is byte-identical to the single-threaded
 * `runValidation` for any number of threads. Workers rebuild the run's catalog from the user plugins' files
 * (checked by sha256); a catalog holding a plugin passed in memory, which no worker can rebuild, is validated in
 * this thread instead, with the same result. Cancellation flips a shared flag the workers poll between
 * replications and aborts queued batches; one failing task cancels the rest the same way.
 */
import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Candles } from "../../core/candles.js";
import { StudioError } from "../../core/errors.js";
import { RNG_ALGORITHM } from "../../core/rng.js";
import type { RunConfig } from "../../core/run-config.js";
import { createReplayer } from "../../engine/replayer.js";
import { RESAMPLE_WEIGHT } from "../../validation/progress.js";
import { summarizeBootstrap } from "../../validation/resampling/block-bootstrap.js";
import { summarizePermutation } from "../../validation/resampling/permutation-test.js";
import { summarizeMonteCarlo } from "../../validation/resampling/trade-monte-carlo.js";
import { planValidation, runValidation, validationWork } from "../../validation/run-validation.js";
import type {
  OverfittingSummary,
  ValidationContext,
  ValidationSummary,
  WfoSummary,
} from "../../validation/types.js";
import { walkForwardRuns } from "../../validation/walk-forward/walk-forward.js";
import type { StudioCatalog } from "../builtin-catalog.js";
import type { MethodProgress } from "../events/events.js";
import { sharedCandles, sharedFloat64 } from "./shared-candles.js";
import {
  CONTROL,
  type ReplicateKind,
  type TaskInit,
  type TaskResult,
  type ValidationTask,
} from "./validation-task.js";
import { workerSources } from "./worker-catalog.js";

export interface PoolOptions {
  /** Worker threads; 0 runs in this thread. Default: STUDIO_THREADS or the number of cores. */
  readonly threads?: number;
  readonly onProgress?: (ratio: number, methods?: MethodProgress) => void;
  readonly signal?: AbortSignal;
}

export function defaultThreads(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number.parseInt(env.STUDIO_THREADS ?? "", 10);
  return Number.isInteger(fromEnv) && fromEnv >= 0 ? fromEnv : availableParallelism();
}

const fromSource = import.meta.url.endsWith(".ts");
const WORKER = new URL(fromSource ? "./validation-worker.ts" : "./validation-worker.js", import.meta.url)
  .href;

export interface ValidationInputs {
  /** The run's plugins. */
  readonly catalog: StudioCatalog;
  /** The studio home's root, where workers find user plugin files again (without it they validate in-thread). */
  readonly home?: string;
  readonly candles: Candles;
  /** Warm-up bars before the candles: every replication computes its features over them first. */
  readonly history?: Candles;
  readonly realEquity: Float64Array;
  readonly realTradeReturns: Float64Array;
}

export async function runValidationPooled(
  config: RunConfig,
  inputs: ValidationInputs,
  options: PoolOptions = {},
): Promise<ValidationSummary> {
  const sources = workerSources(inputs.catalog);
  // Workers rebuild user plugins from their files in the home; without both, validate in this thread.
  const plugins = sources && (sources.length === 0 || inputs.home !== undefined) ? sources : undefined;
  const threads = plugins === undefined ? 0 : (options.threads ?? defaultThreads());
  const ctx: ValidationContext = {
    candles: inputs.candles,
    baseParams: config.strategy.params,
    replayer: createReplayer(config, inputs.candles, inputs.catalog, inputs.history),
    seed: config.seed,
    realEquity: inputs.realEquity,
    realTradeReturns: inputs.realTradeReturns,
    onProgress: options.onProgress,
    shouldCancel: () => options.signal?.aborted === true,
  };
  if (threads === 0 || plugins === undefined) return runValidation(config.validation, ctx);

  const v = config.validation;
  const plan = planValidation(v, ctx);
  const work = validationWork(v, plan, ctx);
  const { trials, monte_carlo: mcN, total } = work;
  const counts: Record<ReplicateKind, number> = work;

  const control = new Int32Array(new SharedArrayBuffer(CONTROL.size * 4));
  const init: TaskInit = {
    key: randomUUID(),
    configJson: JSON.stringify(config),
    plugins,
    ...(inputs.home === undefined ? {} : { home: inputs.home }),
    candles: sharedCandles(inputs.candles),
    ...(inputs.history ? { history: sharedCandles(inputs.history) } : {}),
    realEquity: sharedFloat64(inputs.realEquity),
    realTradeReturns: sharedFloat64(inputs.realTradeReturns),
    control,
  };
  const pool = new Piscina({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}),
  });
  const abort = new AbortController();
  // Every queued batch listens on this one signal; that is by design, not a leak.
  setMaxListeners(0, abort.signal);
  const onAbort = () => {
    Atomics.store(control, CONTROL.cancel, 1);
    abort.abort();
  };
  options.signal?.addEventListener("abort", onAbort, { once: true });
  // Aborting a running task drops it from the pool; if its worker had already answered, piscina reports that
  // answer as an 'error' event, which would throw in the main thread (taking the server down) with no listener.
  // After an abort that answer is expected and moot; before one it is a bug, reported as INTERNAL.
  let poolError: Error | undefined;
  pool.on("error", (err: Error) => {
    if (!abort.signal.aborted) poolError ??= err;
  });
  const report = () => {
    const done =
      Atomics.load(control, CONTROL.permutation) +
      (Atomics.load(control, CONTROL.block_bootstrap) + Atomics.load(control, CONTROL.monte_carlo)) *
        RESAMPLE_WEIGHT +
      (Atomics.load(control, CONTROL.wfo) + Atomics.load(control, CONTROL.overfitting)) / 1000;
    if (total > 0) options.onProgress?.(Math.min(1, done / total), methodProgress());
  };
  // Sections count thousandths of a run (see sectionProgress in the worker).
  const sectionTotals = {
    wfo: v.wfo ? walkForwardRuns(v.wfo, trials) : 0,
    overfitting: v.wfo && trials >= 2 ? trials : 0,
  };
  const methodProgress = (): MethodProgress => {
    const out: MethodProgress = {};
    for (const kind of ["permutation", "block_bootstrap", "monte_carlo"] as const)
      if (counts[kind] > 0) out[kind] = { done: Atomics.load(control, CONTROL[kind]), total: counts[kind] };
    for (const kind of ["wfo", "overfitting"] as const)
      if (sectionTotals[kind] > 0)
        out[kind] = {
          done: Math.floor(Atomics.load(control, CONTROL[kind]) / 1000),
          total: sectionTotals[kind],
        };
    return out;
  };
  const timer = setInterval(report, 100);
  const submit = (task: ValidationTask): Promise<TaskResult> =>
    pool.run(task, { signal: abort.signal }).then(
      (r: TaskResult) => {
        if ("error" in r) throw new StudioError(r.error.code as StudioError["code"], r.error.message);
        return r;
      },
      (err: Error) => {
        if (abort.signal.aborted) throw new StudioError("CANCELLED", "validation cancelled");
        throw err;
      },
    );
  const batches = (kind: ReplicateKind) => {
    const n = counts[kind];
    const size = Math.max(1, Math.ceil(n / (threads * 8)));
    const jobs: Promise<{ from: number; result: TaskResult }>[] = [];
    for (let from = 0; from < n; from += size) {
      const to = Math.min(n, from + size);
      jobs.push(submit({ init, kind, from, to }).then((result) => ({ from, result })));
    }
    return Promise.all(jobs);
  };
  try {
    // Long sections go first so they overlap the replication batches instead of trailing them; one
    // Promise.all holds every task, so a failing section is handled at once and never left unobserved.
    const [wfo, overfit, perm, boot, mc] = await Promise.all([
      v.wfo ? submit({ init, kind: "wfo" }) : undefined,
      v.wfo && trials >= 2 ? submit({ init, kind: "overfitting" }) : undefined,
      batches("permutation"),
      batches("block_bootstrap"),
      batches("monte_carlo"),
    ]);
    // Replication i's `width` values sit at [i width, (i+1) width): batches join in replication order.
    const collect = (
      parts: { from: number; result: TaskResult }[],
      n: number,
      key: "stats" | "drawdowns" | "fan",
      width = 1,
    ) => {
      const out = new Float64Array(n * width);
      for (const { from, result } of parts)
        out.set((result as Record<typeof key, Float64Array>)[key], from * width);
      return out;
    };
    if (poolError) throw new StudioError("INTERNAL", `validation pool: ${poolError.message}`);
    const summary: ValidationSummary = { rng: { algorithm: RNG_ALGORITHM, seed: config.seed } };
    if (plan.permutation)
      summary.permutation = summarizePermutation(
        plan.permutation,
        collect(perm, counts.permutation, "stats"),
      );
    if (plan.bootstrap)
      summary.block_bootstrap = summarizeBootstrap(
        plan.bootstrap,
        collect(boot, counts.block_bootstrap, "stats"),
      );
    if (plan.monteCarlo) {
      summary.monte_carlo = summarizeMonteCarlo(
        plan.monteCarlo,
        collect(mc, mcN, "stats"),
        collect(mc, mcN, "drawdowns"),
        collect(mc, mcN, "fan", plan.monteCarlo.checkpoints.length),
      );
    }
    if (wfo) summary.wfo = (wfo as { summary: WfoSummary }).summary;
    if (overfit) summary.overfitting = (overfit as { summary: OverfittingSummary }).summary;
    options.onProgress?.(1, methodProgress());
    return summary;
  } catch (err) {
    onAbort();
    throw err;
  } finally {
    clearInterval(timer);
    options.signal?.removeEventListener("abort", onAbort);
    await pool.destroy();
  }
}
