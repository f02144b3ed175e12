/**
 * @module bench/cases/memory-pass-floor
 * The yardstick every time budget is stated in: one pass over five Float64Array columns of 1,000,000 values
 * (the open, high, low, close and volume of a million candles, 40 MB), summing them. Nothing the studio does with
 * a million bars can be faster than reading them once, so "11x the floor" means the same on a laptop, a busy CI
 * runner or a server, where "50 ms" does not.
 */
import type { BenchCase } from "../case.js";
import { type Measurement, median, summarize } from "../measure.js";

export const FLOOR_CASE = "memory_pass_floor";
const N = 1_000_000;

function columns(): Float64Array[] {
  return Array.from({ length: 5 }, (_, c) => {
    const a = new Float64Array(N);
    for (let i = 0; i < N; i++) a[i] = 100 + c + (i % 997) * 1e-3;
    return a;
  });
}

/** Sums all five columns in one loop; returns the sum so the pass cannot be optimized away. */
export function onePass(cols: readonly Float64Array[]): number {
  const [a, b, c, d, e] = cols as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! + b[i]! + c[i]! + d[i]! + e[i]!;
  return s;
}

/** Passes per timed sample: a sample lasts tens of ms, long enough to get the CPU share the cases get. */
const PASSES = 25;
let probeColumns: Float64Array[] | undefined;
let probeSink = 0;

/** One block of PASSES passes, timed: ms per pass. `measure` runs one before each repetition of a case. */
export function floorBlockMs(): number {
  probeColumns ??= columns();
  const t0 = performance.now();
  for (let p = 0; p < PASSES; p++) probeSink += onePass(probeColumns);
  const ms = (performance.now() - t0) / PASSES;
  if (!Number.isFinite(probeSink)) throw new Error("floor pass produced a non-finite sum");
  return ms;
}

/**
 * One floor measurement: the median over 9 blocks of the time per pass. A sample is a block of PASSES passes,
 * not one 2 ms pass: on a busy machine a single pass fits in one scheduler slice and would miss the contention
 * that a case lasting seconds sees, so the multiples would stop meaning the same thing there.
 */
export async function measureFloor(): Promise<Measurement> {
  for (let i = 0; i < 2; i++) floorBlockMs();
  const perPass = Array.from({ length: 9 }, floorBlockMs);
  const m = summarize(FLOOR_CASE, perPass, {
    notes: `sum of open+high+low+close+volume over 1,000,000 values in one loop (40 MB read), timed in blocks of ${PASSES} passes`,
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    ...m,
    median: round(median(perPass)),
    min: round(Math.min(...perPass)),
    max: round(Math.max(...perPass)),
  };
}

export const memoryPassFloor: BenchCase = {
  name: FLOOR_CASE,
  summary: "one pass over five Float64Array columns of 1M values: the unit of every time budget",
  async run(ctx) {
    ctx.record(await measureFloor());
  },
};
