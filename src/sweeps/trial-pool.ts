/**
 * @module sweeps/trial-pool
 * Runs a sweep's trials in batches, on worker threads (piscina) or in this thread, and hands each finished batch
 * to `onAnswers` at once (where the caller commits it). Candles and the shared feature columns go to the workers
 * in shared memory; a trial's answer depends on nothing but its config, so the answers, put back by position,
 * are the same bits for any number of threads. Like the validation pool, a catalog holding a plugin passed in
 * memory (no file a worker could import) runs in this thread. Cancellation flips a shared flag the workers
 * check before each trial and aborts queued batches, so it takes effect within one trial.
 */

import { randomUUID } from "node:crypto";
import { setMaxListeners } from "node:events";
import { Piscina } from "piscina";
import type { Candles } from "../core/candles.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { ColumnWorkspace } from "../core/column-workspace.js";
import { StudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import type { FeatureColumn } from "../indicators/features/feature-set.js";
import { sharedCandles } from "../runs/workers/shared-candles.js";
import { workerSources } from "../runs/workers/worker-catalog.js";
import type { Objective } from "../validation/objective.js";
import { mergeBlockSums, type TrialBlockSums } from "../validation/overfitting/cscv-blocks.js";
import {
  type PboFromSumsOptions,
  type PboPart,
  type PboResult,
  pboFromParts,
} from "../validation/overfitting/probability-of-backtest-overfitting.js";
import type { PboTask, SweepTask, SweepTaskInit, SweepTaskResult, TrialAnswer } from "./sweep-task.js";
import { evaluateBatch } from "./sweep-worker.js";

export interface TrialPoolJob {
  readonly catalog: Catalog;
  /** In-sample candles. */
  readonly candles: Candles;
  /** Every feature column the trials read, of the in-sample length. */
  readonly features: readonly FeatureColumn[];
  /** The trials to run, by position. */
  readonly configs: readonly RunConfig[];
  /** The trial index of each config (what a transport keys its jobs and answers by). */
  readonly indices: readonly number[];
  readonly objective: Objective;
  readonly barsPerYear: number;
  readonly pboPartitions: number;
  /** The studio home's root, where workers find user plugin files again (without it they run in this thread). */
  readonly home?: string;
}

export interface TrialPoolOptions {
  /** Worker threads; 0 runs in this thread. */
  readonly threads: number;
  /** Threads started ahead by the caller (who destroys them); without them the pool starts and ends its own. */
  readonly started?: TrialThreads;
  readonly signal?: AbortSignal;
  /** Called once per finished batch, positions [from, from + answers.length). */
  readonly onAnswers?: (from: number, answers: readonly TrialAnswer[]) => void;
}

const fromSource = import.meta.url.endsWith(".ts");
const WORKER = new URL(fromSource ? "./sweep-worker.ts" : "./sweep-worker.js", import.meta.url).href;

const cancelledError = () => new StudioError("CANCELLED", "sweep cancelled");

/** Batch size: enough batches to balance threads, small enough that progress and commits stay frequent. */
function batchSize(n: number, threads: number): number {
  return Math.max(1, Math.min(64, Math.ceil(n / (Math.max(1, threads) * 8))));
}

/**
 * Worker threads for a sweep's trials, started before the job is known so that they load their modules while
 * the caller loads candles and features. Any job may then run on them; `destroy` ends them.
 */
export class TrialThreads {
  readonly pool: Piscina;
  private ended: Promise<void> | undefined;

  constructor(readonly threads: number) {
    this.pool = new Piscina({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      ...(fromSource ? { execArgv: ["--import", "tsx"] } : {}),
    });
    // The threads outlive a job: a worker whose aborted task had already answered makes piscina emit "error"
    // after the job removed its own listener, and an emitter without a listener throws, which would take the
    // process down. A job's listener still sees every error while it runs.
    this.pool.on("error", () => {});
  }

  /**
   * PBO from the trials' block sums with its splits shared out over the threads (the same bits as in one
   * thread: see pboFromParts).
   */
  async pbo(trials: readonly TrialBlockSums[], options: PboFromSumsOptions): Promise<PboResult> {
    const sums = mergeBlockSums(trials, options.partitions);
    const parts = await Promise.all(
      Array.from({ length: this.threads }, (_, part) => {
        const task: PboTask = { sums, options, part, parts: this.threads };
        return this.pool.run(task, { name: "pboPart" }) as Promise<PboPart>;
      }),
    );
    return pboFromParts(parts, options);
  }

  /** Ends the threads (once, however often it is called). */
  destroy(): Promise<void> {
    this.ended ??= this.pool.destroy();
    return this.ended;
  }
}

/**
 * A feature column in shared memory, its raw and shifted values in one buffer: shifted[t] = raw[t-1] (the
 * feature set's definition), so [shifted[0], raw...] holds both, raw as the view from 1 and shifted from 0.
 */
function sharedColumn(c: FeatureColumn): FeatureColumn {
  const n = c.raw.length;
  const both = new Float64Array(new SharedArrayBuffer((n + 1) * Float64Array.BYTES_PER_ELEMENT));
  both[0] = c.shifted[0]!;
  both.set(c.raw, 1);
  return { ...c, raw: both.subarray(1), shifted: both.subarray(0, n) };
}

/** How a sweep's trials get run: this pool, or a transport to other machines (sweeps/transport). */
export type TrialRunner = (job: TrialPoolJob, options: TrialPoolOptions) => Promise<TrialAnswer[]>;

export async function runTrialPool(job: TrialPoolJob, options: TrialPoolOptions): Promise<TrialAnswer[]> {
  const n = job.configs.length;
  const answers = new Array<TrialAnswer>(n);
  const accept = (from: number, part: readonly TrialAnswer[]) => {
    for (let i = 0; i < part.length; i++) answers[from + i] = part[i]!;
    options.onAnswers?.(from, part);
  };
  const sources = workerSources(job.catalog);
  // Workers rebuild user plugins from their files in the home; without both, trials run in this thread.
  const plugins = sources && (sources.length === 0 || job.home !== undefined) ? sources : undefined;
  const size = batchSize(n, options.threads);
  if (options.threads === 0 || plugins === undefined || n === 0) {
    const ctx = {
      catalog: job.catalog,
      candles: job.candles,
      features: new Map(job.features.map((c) => [c.name, c])),
      objective: job.objective,
      barsPerYear: job.barsPerYear,
      pboPartitions: job.pboPartitions,
      workspace: new ColumnWorkspace(),
    };
    const cancelled = () => options.signal?.aborted === true;
    for (let from = 0; from < n; from += size) {
      const part = evaluateBatch(job.configs, ctx, from, Math.min(n, from + size), cancelled);
      if (part === undefined) throw cancelledError();
      accept(from, part);
      // Let the event loop serve progress, HTTP requests and a cancel between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (cancelled()) throw cancelledError();
    return answers;
  }

  const control = new Int32Array(new SharedArrayBuffer(4));
  const init: SweepTaskInit = {
    key: randomUUID(),
    configsJson: JSON.stringify(job.configs),
    plugins,
    ...(job.home === undefined ? {} : { home: job.home }),
    candles: sharedCandles(job.candles),
    features: job.features.map(sharedColumn),
    objective: job.objective,
    barsPerYear: job.barsPerYear,
    pboPartitions: job.pboPartitions,
    control,
  };
  const own = options.started?.threads === options.threads ? undefined : new TrialThreads(options.threads);
  const pool = (own ?? options.started!).pool;
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  const onAbort = () => {
    Atomics.store(control, 0, 1);
    abort.abort();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  let poolError: Error | undefined;
  const onError = (err: Error) => {
    if (!abort.signal.aborted) poolError ??= err;
  };
  pool.on("error", onError);
  const submit = (task: SweepTask) =>
    pool.run(task, { signal: abort.signal }).then(
      (r: SweepTaskResult) => {
        if ("cancelled" in r) throw cancelledError();
        if ("error" in r) throw new StudioError(r.error.code as StudioError["code"], r.error.message);
        accept(task.from, r.answers);
      },
      (err: Error) => {
        if (abort.signal.aborted) throw cancelledError();
        throw err;
      },
    );
  try {
    const jobs: Promise<void>[] = [];
    for (let from = 0; from < n; from += size)
      jobs.push(submit({ init, from, to: Math.min(n, from + size) }));
    await Promise.all(jobs);
    if (poolError) throw new StudioError("INTERNAL", `sweep pool: ${poolError.message}`);
    return answers;
  } catch (err) {
    onAbort();
    throw err;
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    pool.off("error", onError);
    await own?.destroy();
  }
}
