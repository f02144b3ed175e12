/**
 * @module validation/param-grid
 * The trials of a walk-forward grid: the cartesian product of the grid's value lists, in the grid's key order
 * with the last key varying fastest (itertools.product order), each merged over the base params. "First in grid
 * order" — the tie-break of every selection — refers to this order. An empty grid is one trial: the base params.
 */
import type { StrategyParams } from "./types.js";

export type GridValue = number | boolean;

export interface GridTrial {
  /** The grid's values of this trial only (reported as best_params). */
  readonly combo: Record<string, GridValue>;
  /** Base params with the combo merged over them. */
  readonly params: StrategyParams;
}

export function gridTrials(
  grid: Readonly<Record<string, readonly GridValue[]>>,
  base: StrategyParams,
): GridTrial[] {
  const keys = Object.keys(grid);
  let combos: Record<string, GridValue>[] = [{}];
  for (const key of keys) {
    const values = grid[key]!;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  return combos.map((combo) => ({ combo, params: { ...base, ...combo } }));
}
