/**
 * @module sweeps/transport/sweep-job
 * What one Redis job carries: enough for any worker to rebuild the sweep's plan from the normalized spec and
 * prove it is the coordinator's (same sweep_hash, so the same code version and plugins), the candle file to
 * fetch by hash with its sha256, and the trial indices of the batch. Job ids are `{sweep_id}.{batch}` (BullMQ
 * reserves `:`, its key separator, in custom ids), so enqueueing a batch again (a restarted coordinator) finds
 * the existing job instead of adding a second one.
 * Checked with zod on the worker: a job is input from the network.
 */
import { z } from "zod";
import { StudioError } from "../../core/errors.js";

/** Queue name shared by coordinators and workers. */
export const SWEEP_QUEUE = "studio-sweeps";

/** A candle hash: 64 lowercase hex digits (what `GET /api/candles/:candle_hash` accepts). */
export const CANDLE_HASH_PATTERN = /^[0-9a-f]{64}$/;

export const SweepJobSchema = z.strictObject({
  sweep_id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  sweep_hash: z.string().regex(CANDLE_HASH_PATTERN),
  batch: z.int().min(0),
  spec: z.record(z.string(), z.unknown()),
  code_version: z.string(),
  plugins: z.record(z.string(), z.string()),
  candle_hash: z.string().regex(CANDLE_HASH_PATTERN),
  candle_sha256: z.string().regex(CANDLE_HASH_PATTERN),
  indices: z.array(z.int().min(0)).min(1),
});

export type SweepJob = z.output<typeof SweepJobSchema>;

export function sweepJobId(sweepId: string, batch: number): string {
  return `${sweepId}.${batch}`;
}

export function parseSweepJob(data: unknown): SweepJob {
  const result = SweepJobSchema.safeParse(data);
  if (!result.success) {
    throw new StudioError("CONFIG_INVALID", `sweep job: ${result.error.issues[0]?.message ?? "invalid"}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return result.data;
}

/** Trial indices in batches of `size`, in trial order. */
export function batchesOf(indices: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < indices.length; i += size) out.push(indices.slice(i, i + size));
  return out;
}
