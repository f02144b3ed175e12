/**
 * @module sweeps/transport/redis-worker
 * The worker side of the Redis transport (`studio worker`): takes sweep jobs from the queue, rebuilds the plan
 * from the job's normalized spec with this machine's catalog, refuses a job whose plugins (PLUGIN_INVALID) or
 * plan identity (INTEGRITY_MISMATCH: another code version) differ from the coordinator's, fetches the candles
 * by hash, runs the batch and returns its results as the job's value. It writes nothing but its candle cache:
 * the coordinator alone records results. A worker that dies holding a job stops renewing its lock, and the
 * stalled-job check of any other worker puts the job back in the queue.
 */
import { type Job, Worker } from "bullmq";
import type { Catalog } from "../../core/catalog.js";
import { CODE_VERSION } from "../../core/code-version.js";
import { StudioError } from "../../core/errors.js";
import type { HomePaths } from "../../store/home.js";
import { catalogCheck } from "../plan/catalog-check.js";
import { planSweep, type SweepPlan } from "../plan/sweep-plan.js";
import { parseSweepSpec } from "../plan/sweep-spec.js";
import { toJobError } from "./job-error.js";
import { assertSamePlugins, pluginShas } from "./plugin-shas.js";
import { remoteCandles } from "./remote-candles.js";
import { runTrialBatch } from "./run-trial-batch.js";
import { parseSweepJob, SWEEP_QUEUE } from "./sweep-job.js";
import { encodeTrialResults } from "./trial-result.js";

export interface SweepWorkerOptions {
  readonly redisUrl: string;
  readonly coordinator: string;
  readonly token?: string;
  readonly home: HomePaths;
  readonly catalog: Catalog;
  /** Jobs run at once (each is synchronous CPU work; more than 1 only helps while candles download). */
  readonly concurrency?: number;
  /** How long a job stays claimed without renewal before another worker takes it over. */
  readonly lockMs?: number;
  readonly onJob?: (event: {
    readonly id: string;
    readonly outcome: "done" | "failed";
    readonly message?: string;
  }) => void;
  /** Connection trouble (ioredis keeps reconnecting); without a listener it would crash the process. */
  readonly onError?: (err: Error) => void;
}

export interface SweepWorker {
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_LOCK_MS = 30_000;

export function startSweepWorker(options: SweepWorkerOptions): SweepWorker {
  const mine = pluginShas(options.catalog);
  const plans = new Map<string, SweepPlan>();
  const source = {
    coordinator: options.coordinator,
    home: options.home,
    ...(options.token === undefined ? {} : { token: options.token }),
  };
  const processor = async (job: Job): Promise<string> => {
    try {
      const data = parseSweepJob(job.data);
      assertSamePlugins(data.plugins, mine);
      if (data.code_version !== CODE_VERSION) {
        throw new StudioError(
          "INTEGRITY_MISMATCH",
          `worker refuses the job: it runs code version ${CODE_VERSION}, the coordinator ${data.code_version}`,
        );
      }
      let plan = plans.get(data.sweep_hash);
      if (plan === undefined) {
        plan = planSweep(parseSweepSpec(data.spec), {
          base: data.spec.base,
          check: catalogCheck(options.catalog),
          pluginShas: mine,
        });
        if (plan.sweepHash !== data.sweep_hash) {
          throw new StudioError(
            "INTEGRITY_MISMATCH",
            `worker refuses the job: its plan of sweep ${data.sweep_id} hashes to ${plan.sweepHash}, not ${data.sweep_hash}`,
          );
        }
        plans.clear();
        plans.set(data.sweep_hash, plan);
      }
      const candles = await remoteCandles(source, data.candle_hash, data.candle_sha256);
      return encodeTrialResults(runTrialBatch(plan, data.indices, candles, options.catalog));
    } catch (err) {
      throw toJobError(err);
    }
  };
  const lockDuration = options.lockMs ?? DEFAULT_LOCK_MS;
  const worker = new Worker(SWEEP_QUEUE, processor, {
    connection: { url: options.redisUrl, maxRetriesPerRequest: null },
    concurrency: options.concurrency ?? 1,
    lockDuration,
    stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
    maxStalledCount: 2,
  });
  worker.on("completed", (job) => options.onJob?.({ id: job.id ?? "", outcome: "done" }));
  worker.on("failed", (job, err) =>
    options.onJob?.({ id: job?.id ?? "", outcome: "failed", message: err.message }),
  );
  worker.on("error", (err) => options.onError?.(err));
  return { ready: worker.waitUntilReady().then(() => undefined), close: () => worker.close() };
}
