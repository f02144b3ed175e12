/**
 * @module sweeps/plan/trial-combos
 * Which combinations of the space a sweep tries, as value indices per dimension, in trial order: a pure function
 * of the dimensions, the method and the seed. Grid: every combination, the first dimension varying slowest
 * (itertools.product order, as walk-forward grids). Random: `trials` distinct combinations drawn uniformly from
 * stream [seed, 1] (the whole grid, in grid order, when it is not larger than `trials`); large spaces are drawn
 * per dimension and repeats redrawn, small ones by a partial Fisher-Yates shuffle of the grid indices.
 */
import { StudioError } from "../../core/errors.js";
import { LIMITS } from "../../core/limits.js";
import { Rng } from "../../core/rng.js";
import { type SweepDimension, spaceSize } from "./expand-space.js";
import type { SweepSpec } from "./sweep-spec.js";

/** Stream of the random method's draws under the sweep seed. */
export const RANDOM_STREAM = 1;

export function trialCombos(
  dims: readonly SweepDimension[],
  method: SweepSpec["method"],
  seed: number,
): number[][] {
  const size = spaceSize(dims);
  const wanted = method.name === "grid" ? size : Math.min(method.trials, size);
  if (wanted > LIMITS.maxSweepTrials) {
    throw new StudioError(
      "CONFIG_INVALID",
      `space: the grid has ${size} combinations; the limit is ${LIMITS.maxSweepTrials} trials per sweep (use method random with trials)`,
      { issues: [{ path: "space", message: "too many trials", value: size }] },
    );
  }
  if (wanted === size) return gridIndices(dims, size);
  const rng = Rng.fromSeed(seed).derive(RANDOM_STREAM);
  if (size <= 4 * wanted) {
    const order = Array.from({ length: size }, (_, i) => i);
    for (let i = 0; i < wanted; i++) {
      const j = i + rng.int(size - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order.slice(0, wanted).map((g) => decode(dims, g));
  }
  const seen = new Set<string>();
  const out: number[][] = [];
  while (out.length < wanted) {
    const combo = dims.map((d) => rng.int(d.values.length));
    const key = combo.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(combo);
  }
  return out;
}

function gridIndices(dims: readonly SweepDimension[], size: number): number[][] {
  const out: number[][] = [];
  for (let g = 0; g < size; g++) out.push(decode(dims, g));
  return out;
}

/** Mixed-radix digits of grid index `g`, the last dimension fastest. */
function decode(dims: readonly SweepDimension[], g: number): number[] {
  const combo = new Array<number>(dims.length);
  for (let d = dims.length - 1; d >= 0; d--) {
    const n = dims[d]!.values.length;
    combo[d] = g % n;
    g = Math.floor(g / n);
  }
  return combo;
}
