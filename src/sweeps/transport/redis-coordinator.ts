/**
 * @module sweeps/transport/redis-coordinator
 * The coordinator side of the Redis transport, as a TrialRunner for executeSweep: one BullMQ job per batch of
 * trials with `jobId = {sweep_id}.{batch}` and batch = floor(trial index / batch size), so adding a batch again
 * (a restarted or resumed coordinator) finds the existing job instead of a duplicate; a few attempts with
 * exponential backoff for batches that fail on a worker; answers taken by trial index, so a batch that ran twice
 * (retried, or taken over from a dead worker) fills the same slots again and cannot double-count. A batch that
 * fails for good fails the sweep with the worker's error code (PLUGIN_INVALID for a worker with other plugins).
 * Nothing here writes SQLite or artifacts: executeSweep hands each batch to its caller, who records it.
 */
import { type Job, Queue, QueueEvents } from "bullmq";
import { CODE_VERSION } from "../../core/code-version.js";
import { quote, StudioError } from "../../core/errors.js";
import type { TrialAnswer } from "../sweep-task.js";
import type { TrialPoolJob, TrialPoolOptions, TrialRunner } from "../trial-pool.js";
import { decodeAnswers } from "./answer-codec.js";
import { fromJobError } from "./job-error.js";
import { batchesOf, SWEEP_ID_PATTERN, SWEEP_QUEUE, type SweepJob, sweepJobId } from "./sweep-job.js";

export interface RedisTransportOptions {
  readonly redisUrl: string;
  /** The sweep's id (job ids are `{sweep_id}.{batch}`). */
  readonly sweepId: string;
  readonly candleHash: string;
  /** sha256 of the cached candle file workers fetch from `GET /api/candles/:candle_hash`. */
  readonly candleSha256: string;
  /** The coordinator's user plugins (pluginShas of its catalog). */
  readonly plugins: Readonly<Record<string, string>>;
  /** Trials per job (default 25). */
  readonly batchSize?: number;
  /** Tries per job before the sweep fails (default 3). */
  readonly attempts?: number;
}

export const DEFAULT_BATCH_SIZE = 25;

export function redisTrialRunner(transport: RedisTransportOptions): TrialRunner {
  if (!SWEEP_ID_PATTERN.test(transport.sweepId)) {
    throw new StudioError("CONFIG_INVALID", `sweep id ${quote(transport.sweepId)} cannot name a Redis job`);
  }
  return (job, options) => runOnRedis(transport, job, options);
}

async function runOnRedis(
  t: RedisTransportOptions,
  job: TrialPoolJob,
  options: TrialPoolOptions,
): Promise<TrialAnswer[]> {
  const n = job.configs.length;
  const answers = new Array<TrialAnswer>(n);
  if (n === 0) return answers;
  const connection = { url: t.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(SWEEP_QUEUE, { connection });
  const events = new QueueEvents(SWEEP_QUEUE, { connection });
  // ioredis reconnects by itself; failures that matter surface as failed jobs or a rejected call.
  queue.on("error", () => {});
  events.on("error", () => {});
  // Each waiting job listens for the events' close: one listener per batch is expected, not a leak.
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  let jobs: Job[] = [];
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const batches = [...batchesOf(job.indices, t.batchSize ?? DEFAULT_BATCH_SIZE)];
    jobs = await queue.addBulk(
      batches.map(([b, positions]) => ({
        name: "trials",
        data: {
          sweep_id: t.sweepId,
          batch: b,
          code_version: CODE_VERSION,
          plugins: { ...t.plugins },
          candle_hash: t.candleHash,
          candle_sha256: t.candleSha256,
          in_sample_bars: job.candles.ts.length,
          objective: job.objective,
          pbo_partitions: job.pboPartitions,
          indices: positions.map((p) => job.indices[p]!),
          configs_json: JSON.stringify(positions.map((p) => job.configs[p]!)),
        } satisfies SweepJob,
        opts: {
          jobId: sweepJobId(t.sweepId, b),
          attempts: t.attempts ?? 3,
          backoff: { type: "exponential", delay: 500 },
        },
      })),
    );
    const cancelled = new Promise<never>((_, reject) => {
      const fail = () => reject(new StudioError("CANCELLED", "sweep cancelled"));
      if (options.signal?.aborted) fail();
      options.signal?.addEventListener("abort", fail, { once: true });
    });
    cancelled.catch(() => {});
    const finished = jobs.map(async (j, k) => {
      const [b, positions] = batches[k]!;
      const value = await j.waitUntilFinished(events).catch((err: Error) => {
        throw fromJobError(err.message, `sweep ${t.sweepId}: batch ${b} failed`);
      });
      const byIndex = new Map(decodeAnswers(String(value)).map((a) => [a.index, a.answer]));
      const part = positions.map((p) => byIndex.get(job.indices[p]!));
      if (part.some((a) => a === undefined)) {
        throw new StudioError(
          "INTEGRITY_MISMATCH",
          `sweep ${t.sweepId}: batch ${b} lacks some of its trials`,
        );
      }
      // Positions of a batch are consecutive runs of the configs list only when no trial is missing between
      // them, so answers are handed on per contiguous run.
      let start = 0;
      for (let i = 1; i <= positions.length; i++) {
        if (i === positions.length || positions[i] !== positions[i - 1]! + 1) {
          const run = part.slice(start, i) as TrialAnswer[];
          for (let r = 0; r < run.length; r++) answers[positions[start]! + r] = run[r]!;
          options.onAnswers?.(positions[start]!, run);
          start = i;
        }
      }
    });
    await Promise.race([Promise.all(finished), cancelled]);
    return answers;
  } finally {
    // Done, failed or cancelled: the answers are in the caller's hands, the jobs have served.
    for (const j of jobs) await j.remove().catch(() => undefined);
    await Promise.allSettled([events.close(), queue.close()]);
  }
}
