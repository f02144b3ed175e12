/**
 * @module validation/resampling/block-bootstrap
 * Block bootstrap of the run's bar returns: a percentile confidence interval of the compounded total return and
 * the probability of a loss. Bar returns (not trades) keep the serial dependence blocks are there to preserve;
 * the interval shows sampling uncertainty around the realized result and is not a test against zero.
 * @see docs/validation.md (Block bootstrap); Politis & Romano (1992, 1994); Politis & White (2004) for `block_size: "auto"`.
 */
import type { Rng } from "../../core/rng.js";
import { atLeastAsGood } from "../at-least-as-good.js";
import { histogram } from "../histogram.js";
import { finiteOrNull } from "../json-safe.js";
import { quantileSorted, sortedCopy } from "../quantile.js";
import { compoundedReturn } from "../returns.js";
import { methodStream } from "../streams.js";
import type { BlockBootstrapSummary } from "../types.js";
import { circularBlockIndices, stationaryBlockIndices } from "./block-indices.js";
import { optimalBlockLength } from "./optimal-block-length.js";
import { type UniformSource, uniformSource } from "./uniform.js";

export interface BlockBootstrapConfig {
  readonly n: number;
  readonly block_size: number | "auto";
  readonly method: "circular" | "stationary";
  readonly confidence: number;
}

export interface BootstrapJob {
  readonly config: BlockBootstrapConfig;
  readonly returns: Float64Array;
  /** Integer >= 1 for circular, real >= 1 (expected length) for stationary; never above T. */
  readonly blockSize: number;
  readonly stream: Rng;
}

/**
 * "auto" takes Politis-White's length for the method (circular: rounded up), at least 1; a fixed size is used
 * as given. Both are capped at T, where the circular bootstrap degenerates to rotations of the series.
 */
export function createBootstrapJob(
  config: BlockBootstrapConfig,
  returns: Float64Array,
  seed: number,
): BootstrapJob {
  let size: number;
  if (config.block_size === "auto") {
    const opt = optimalBlockLength(returns);
    size = config.method === "circular" ? Math.ceil(opt.circular) : opt.stationary;
  } else {
    size = config.block_size;
  }
  const blockSize = Math.min(Math.max(1, size), Math.max(1, returns.length));
  return { config, returns, blockSize, stream: methodStream(seed, "block_bootstrap") };
}

/** The index buffer of one thread, reused by every replication. */
export function createBootstrapScratch(job: BootstrapJob): Int32Array {
  return new Int32Array(job.returns.length);
}

/** Total return of one resample drawn from `src`. */
export function bootstrapResample(job: BootstrapJob, src: UniformSource, scratch: Int32Array): number {
  if (job.config.method === "circular") circularBlockIndices(job.blockSize, src, scratch);
  else stationaryBlockIndices(job.blockSize, src, scratch);
  return compoundedReturn(job.returns, scratch);
}

/** Replication i: the resample drawn from stream [seed, block_bootstrap, i]. */
export function bootstrapReplicate(i: number, job: BootstrapJob, scratch: Int32Array): number {
  return bootstrapResample(job, uniformSource(job.stream.derive(i)), scratch);
}

/** Percentile CI [Q_α, Q_1-α], α = (1 - confidence)/2 (type 7); prob_loss = P(total return < 0 - tol). */
export function summarizeBootstrap(job: BootstrapJob, stats: Float64Array): BlockBootstrapSummary {
  const sorted = sortedCopy(stats);
  const alpha = (1 - job.config.confidence) / 2;
  let losses = 0;
  for (let i = 0; i < stats.length; i++) if (!atLeastAsGood(stats[i]!, 0)) losses++;
  return {
    n: job.config.n,
    block_size: job.blockSize,
    block_size_source: job.config.block_size === "auto" ? "auto" : "fixed",
    method: job.config.method,
    confidence: job.config.confidence,
    return_ci: {
      lower: finiteOrNull(quantileSorted(sorted, alpha)),
      upper: finiteOrNull(quantileSorted(sorted, 1 - alpha)),
    },
    prob_loss: stats.length === 0 ? 0 : losses / stats.length,
    observed_return: finiteOrNull(compoundedReturn(job.returns)),
    bars: job.returns.length,
    histogram: histogram(stats),
  };
}
