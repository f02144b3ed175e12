/**
 * @module validation/walk-forward/param-grid
 * The trials of a walk-forward grid: the cartesian product of the grid's value lists, in the grid's key order
 * with the last key varying fastest (itertools.product order), each merged over the base params. "First in grid
 * order" — the tie-break of every selection — refers to this order. An empty grid is one trial: the base params.
 * A key may be a dotted path into an object param (`vars.fast`), set without touching the rest of the object.
 * Combinations the strategy rejects as a whole (e.g. fast >= slow) are skipped; callers report how many.
 */
import { StudioError } from "../../core/errors.js";
import type { StrategyParams, ValidationContext } from "../types.js";
import { withParam } from "./param-path.js";

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
  accepts: (params: StrategyParams) => boolean = () => true,
): GridTrial[] {
  const keys = Object.keys(grid);
  let combos: Record<string, GridValue>[] = [{}];
  for (const key of keys) {
    const values = grid[key]!;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  const trials = combos
    .map((combo) => ({
      combo,
      params: Object.entries(combo).reduce((params, [key, v]) => withParam(params, key, v), base),
    }))
    .filter((t) => accepts(t.params));
  if (trials.length === 0) {
    throw new StudioError(
      "CONFIG_INVALID",
      `validation.wfo.grid: none of the ${combos.length} combinations is a valid parameter set for the strategy`,
    );
  }
  return trials;
}

/** Number of combinations in the grid before skipping invalid ones. */
export function gridSize(grid: Readonly<Record<string, readonly GridValue[]>>): number {
  return Object.values(grid).reduce((n, values) => n * values.length, 1);
}

/** The grid's trials for a validation context: merged over its base params, filtered by its replayer. */
export function contextTrials(
  grid: Readonly<Record<string, readonly GridValue[]>>,
  ctx: Pick<ValidationContext, "baseParams" | "replayer">,
): GridTrial[] {
  return gridTrials(grid, ctx.baseParams, (params) => ctx.replayer.accepts?.(params) ?? true);
}
