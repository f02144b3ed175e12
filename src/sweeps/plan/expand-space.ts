/**
 * @module sweeps/plan/expand-space
 * A spec's space as dimensions in the spec's key order, each with its candidate values: lists as given, ranges
 * stepped from `from` to `to` inclusive. Range values are `from + i·step` rounded to 12 significant digits, so
 * `{from: 0.01, to: 0.05, step: 0.01}` gives 0.03, not 0.030000000000000002, and integer ranges stay integers.
 * A list holding the same value twice is CONFIG_INVALID: it would run identical trials.
 */
import { quote, StudioError } from "../../core/errors.js";
import type { SweepCandidate, SweepDimensionSpec } from "./sweep-spec.js";

export interface SweepDimension {
  readonly path: string;
  readonly values: readonly SweepCandidate[];
}

export function expandSpace(space: Readonly<Record<string, SweepDimensionSpec>>): SweepDimension[] {
  return Object.entries(space).map(([path, dim]) => {
    const values = Array.isArray(dim) ? dim : rangeValues(dim);
    const seen = new Set<string>();
    for (const v of values) {
      const key = JSON.stringify(v);
      if (seen.has(key)) {
        throw new StudioError("CONFIG_INVALID", `space.${path}: the value ${quote(v)} is listed twice`, {
          issues: [{ path: `space.${path}`, message: "duplicate value", value: v }],
        });
      }
      seen.add(key);
    }
    return { path, values };
  });
}

function rangeValues(r: { from: number; to: number; step: number }): number[] {
  const count = Math.floor((r.to - r.from) / r.step + 1e-9) + 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(Number((r.from + i * r.step).toPrecision(12)));
  return out;
}

/** Number of combinations of the dimensions (the grid size), exact up to 2^53. */
export function spaceSize(dims: readonly SweepDimension[]): number {
  return dims.reduce((n, d) => n * d.values.length, 1);
}
