/**
 * @module sweeps/transport/redis-worker
 * The worker side of the Redis transport (`studio worker`): takes sweep jobs from the queue, refuses one whose
 * user plugins (PLUGIN_INVALID) or code version (INTEGRITY_MISMATCH) differ from the coordinator's, fetches the
 * candles by hash, evaluates the batch as the sweep's threads do and returns the answers as the job's value.
 * It writes nothing but its candle cache: the coordinator alone records results. A worker that dies holding a
 * job stops renewing its lock, and the stalled-job check of any other worker puts the job back in the queue.
 */
import { type Job, Worker } from "bullmq";
import type { Candles } from "../../core/candles.js";
import type { Catalog } from "../../core/catalog/catalog.js";
import { CODE_VERSION } from "../../core/code-version.js";
import { StudioError } from "../../core/errors.js";
import type { RunConfig } from "../../core/run-config.js";
import type { HomePaths } from "../../store/home.js";
import { encodeAnswers } from "./answer-codec.js";
import { toJobError } from "./job-error.js";
import { assertSamePlugins, pluginShas } from "./plugin-shas.js";
import { RemoteBatchRunner } from "./remote-batch.js";
import { remoteCandles } from "./remote-candles.js";
import { parseSweepJob, SWEEP_QUEUE } from "./sweep-job.js";

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
  const runner = new RemoteBatchRunner(options.catalog);
  const source = {
    coordinator: options.coordinator,
    home: options.home,
    ...(options.token === undefined ? {} : { token: options.token }),
  };
  let last: { readonly hash: string; readonly candles: Candles } | undefined;
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
      const configs = JSON.parse(data.configs_json) as RunConfig[];
      if (configs.length !== data.indices.length) {
        throw new StudioError("CONFIG_INVALID", `sweep job ${job.id}: configs and indices differ in length`);
      }
      if (last?.hash !== data.candle_hash) {
        last = {
          hash: data.candle_hash,
          candles: await remoteCandles(source, data.candle_hash, data.candle_sha256),
        };
      }
      const candles = last.candles;
      if (data.in_sample_bars > candles.ts.length) {
        throw new StudioError(
          "CONFIG_INVALID",
          `sweep job ${job.id}: ${data.in_sample_bars} in-sample bars of ${candles.ts.length}`,
        );
      }
      const answers = runner.run({
        candleHash: data.candle_hash,
        candles,
        inSampleBars: data.in_sample_bars,
        configs,
        indices: data.indices,
        objective: data.objective,
        pboPartitions: data.pbo_partitions,
      });
      return encodeAnswers(answers);
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
