/**
 * @module validation/streams
 * Which random stream each method reads. Every method owns a child of the root seed and each replication a child
 * of that, so replication i of a method gets the same numbers whichever thread runs it, in whatever order, and
 * adding a method never shifts another method's numbers. Key paths: [seed, stream, i].
 */
import { Rng } from "../core/rng.js";

export const STREAMS = { permutation: 1, block_bootstrap: 2, monte_carlo: 3 } as const;

export type StreamName = keyof typeof STREAMS;

/** The parent stream of a method's replications; `.derive(i)` is replication i. */
export function methodStream(seed: number, method: StreamName): Rng {
  return Rng.fromSeed(seed).derive(STREAMS[method]);
}
