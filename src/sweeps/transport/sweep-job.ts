/**
 * @module sweeps/transport/sweep-job
 * What one Redis job carries: the batch's trial indices and their configs as the coordinator planned them, the
 * candle file to fetch by hash with its sha256 and the in-sample length, the objective and PBO layout, and what
 * the worker must match to take the job (code version, user plugins' sha256). Job ids are `{sweep_id}.{batch}` (BullMQ
 * reserves `:`, its key separator, in custom ids), so enqueueing a batch again (a restarted coordinator) finds
 * the existing job instead of adding a second one.
 * Checked with zod on the worker: a job is input from the network.
 */
import { z } from "zod";
import { StudioError } from "../../core/errors.js";
import { OBJECTIVE_NAMES } from "../../validation/objective.js";

/** Queue name shared by coordinators and workers. */
export const SWEEP_QUEUE = "studio-sweeps";

/** A sweep id as it appears in job ids. */
export const SWEEP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** A candle hash: 64 lowercase hex digits (what `GET /api/candles/:candle_hash` accepts). */
export const CANDLE_HASH_PATTERN = /^[0-9a-f]{64}$/;

export const SweepJobSchema = z.strictObject({
  sweep_id: z.string().regex(SWEEP_ID_PATTERN),
  batch: z.int().min(0),
  code_version: z.string(),
  plugins: z.record(z.string(), z.string()),
  candle_hash: z.string().regex(CANDLE_HASH_PATTERN),
  candle_sha256: z.string().regex(CANDLE_HASH_PATTERN),
  in_sample_bars: z.int().min(1),
  objective: z.enum(OBJECTIVE_NAMES),
  pbo_partitions: z.int().min(2).max(64),
  indices: z.array(z.int().min(0)).min(1),
  /** The batch's RunConfigs (JSON), in the order of `indices`, exactly as the coordinator planned them. */
  configs_json: z.string(),
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

/**
 * Positions of `indices` grouped by batch number `floor(index / size)`, in trial order. A batch number always
 * names the same trials (a resumed sweep's batch holds the same trials or fewer), so a job found again by its
 * id can only carry trials the caller also wants.
 */
export function batchesOf(indices: readonly number[], size: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  indices.forEach((index, pos) => {
    const b = Math.floor(index / size);
    const list = out.get(b);
    if (list) list.push(pos);
    else out.set(b, [pos]);
  });
  return out;
}
