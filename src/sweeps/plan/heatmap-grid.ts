/**
 * @module sweeps/plan/heatmap-grid
 * The cells of a sweep's heatmaps, one per pair of numeric dimensions: each cell holds the best objective over
 * every other dimension (the most optimistic view of that pair, which is what a search would pick); cells never
 * run, or whose objective is not finite, are left out. One computation for the PNG heatmaps and report.html.
 */
import type { SweepDimension } from "./expand-space.js";
import type { SweepCandidate } from "./sweep-spec.js";

export interface HeatmapCell {
  /** Value index per dimension. */
  readonly cell: readonly number[];
  readonly objective: number;
}

/** The cell a trial's values sit in: each dimension's index of its value. */
export function cellOf(
  dims: readonly SweepDimension[],
  values: Readonly<Record<string, SweepCandidate>>,
): number[] {
  return dims.map((d) => d.values.indexOf(values[d.path]));
}

/** The cell and objective of every trial that ran (a failed or skipped one has no objective). */
export function trialCells(
  dims: readonly SweepDimension[],
  records: readonly {
    readonly status: string;
    readonly values: Readonly<Record<string, SweepCandidate>>;
    readonly result?: { readonly objective: number } | undefined;
  }[],
): HeatmapCell[] {
  return records
    .filter((r) => r.status === "done")
    .map((r) => ({ cell: cellOf(dims, r.values), objective: r.result!.objective }));
}

/** Pairs (a, b), a < b, of dimensions whose candidates are all numbers, with at least two values each. */
export function heatmapPairs(dims: readonly SweepDimension[]): [number, number][] {
  const numeric = dims.flatMap((d, i) =>
    d.values.length >= 2 && d.values.every((v) => typeof v === "number") ? [i] : [],
  );
  const pairs: [number, number][] = [];
  for (let x = 0; x < numeric.length; x++)
    for (let y = x + 1; y < numeric.length; y++) pairs.push([numeric[x]!, numeric[y]!]);
  return pairs;
}

/** `[x index, y index, best objective]` per cell that has one, sorted by x then y. */
export function heatmapGrid(
  a: number,
  b: number,
  cells: readonly HeatmapCell[],
): [x: number, y: number, objective: number][] {
  const grid = new Map<string, number>();
  for (const c of cells) {
    if (!Number.isFinite(c.objective)) continue;
    const key = `${c.cell[a]},${c.cell[b]}`;
    const prev = grid.get(key);
    if (prev === undefined || c.objective > prev) grid.set(key, c.objective);
  }
  return [...grid.entries()]
    .map(([k, v]) => {
      const [x, y] = k.split(",").map(Number) as [number, number];
      return [x, y, v] as [number, number, number];
    })
    .sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
