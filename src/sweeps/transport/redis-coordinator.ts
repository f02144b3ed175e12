/**
 * @module sweeps/transport/redis-coordinator
 * The coordinator side of the Redis transport: one BullMQ job per batch of trials with `jobId =
 * {sweep_id}.{batch}` (adding it again finds the existing job, so a restarted coordinator re-enqueues without
 * duplicates and picks up batches already done), a few attempts with exponential backoff for batches that fail
 * on a worker, and the results gathered by trial index: a batch that ran twice (retried, or taken over from a
 * dead worker) writes the same keys again and cannot double-count. A batch that fails for good fails the sweep
 * with the worker's error code (PLUGIN_INVALID for a worker with other plugins). Nothing here writes SQLite or
 * artifacts; the caller records the results.
 */
import { type Job, Queue, QueueEvents } from "bullmq";
import { CODE_VERSION } from "../../core/code-version.js";
import { StudioError } from "../../core/errors.js";
import type { SweepPlan } from "../plan/sweep-plan.js";
import { fromJobError } from "./job-error.js";
import { batchesOf, SWEEP_QUEUE, type SweepJob, sweepJobId } from "./sweep-job.js";
import { decodeTrialResults, type TrialResult } from "./trial-result.js";

export interface RedisSweepOptions {
  readonly redisUrl: string;
  /** The sweep's id (job ids are `{sweep_id}.{batch}`). */
  readonly sweepId: string;
  readonly plan: SweepPlan;
  /** Trials still to run (default: all of the plan's); a resumed sweep passes only the missing ones. */
  readonly indices?: readonly number[];
  readonly candleHash: string;
  /** sha256 of the candle file workers fetch. */
  readonly candleSha256: string;
  /** The coordinator's user plugins (pluginShas of its catalog). */
  readonly plugins: Readonly<Record<string, string>>;
  readonly batchSize?: number;
  readonly attempts?: number;
  /** Called as batches finish, with the results so far. */
  readonly onBatch?: (results: readonly TrialResult[], done: number, total: number) => void;
}

export const DEFAULT_BATCH_SIZE = 25;

export async function runSweepOnRedis(options: RedisSweepOptions): Promise<Map<number, TrialResult>> {
  const { plan, sweepId } = options;
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(SWEEP_QUEUE, { connection });
  const events = new QueueEvents(SWEEP_QUEUE, { connection });
  queue.on("error", () => {});
  events.on("error", () => {});
  try {
    await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
    const indices = options.indices ?? plan.trials.map((t) => t.index);
    const batches = batchesOf(indices, options.batchSize ?? DEFAULT_BATCH_SIZE);
    const jobs = await queue.addBulk(
      batches.map((batch, b) => ({
        name: "trials",
        data: {
          sweep_id: sweepId,
          sweep_hash: plan.sweepHash,
          batch: b,
          spec: plan.spec as unknown as Record<string, unknown>,
          code_version: CODE_VERSION,
          plugins: { ...options.plugins },
          candle_hash: options.candleHash,
          candle_sha256: options.candleSha256,
          indices: batch,
        } satisfies SweepJob,
        opts: {
          jobId: sweepJobId(sweepId, b),
          attempts: options.attempts ?? 3,
          backoff: { type: "exponential", delay: 500 },
        },
      })),
    );
    const results = new Map<number, TrialResult>();
    let done = 0;
    const finished = Promise.all(
      jobs.map(async (job, b) => {
        const value = await job.waitUntilFinished(events).catch((err: Error) => {
          throw fromJobError(err.message, `sweep ${sweepId}: batch ${b} (${job.id}) failed`);
        });
        const wanted = new Set(batches[b]);
        const got = decodeTrialResults(String(value)).filter((r) => wanted.has(r.index));
        if (got.length !== wanted.size) {
          throw new StudioError(
            "INTEGRITY_MISMATCH",
            `sweep ${sweepId}: batch ${b} returned ${got.length} of its ${wanted.size} trials`,
          );
        }
        for (const r of got) results.set(r.index, r);
        done++;
        options.onBatch?.(got, done, jobs.length);
      }),
    );
    try {
      await finished;
    } finally {
      // Done or failed for good: the results are in hand (or the sweep has failed), the jobs have served.
      await removeJobs(jobs);
    }
    return results;
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
}

/** Removes the sweep's jobs once their results are in the caller's hands (a job still locked stays, harmless). */
async function removeJobs(jobs: readonly Job[]): Promise<void> {
  for (const job of jobs) await job.remove().catch(() => undefined);
}
