/**
 * @module indicators/column-of
 * The feature column name a strategy reads for one output of an indicator reference, derived from the same
 * resolution the feature layer uses, so a strategy can never spell a column differently from how it was built.
 */
import { StudioError } from "../core/errors.js";
import { resolveIndicator } from "./resolve-indicator.js";
import type { IndicatorRef } from "./types.js";

/** Column of `output` (may be omitted for single-output indicators); INTERNAL if the output does not exist. */
export function columnOf(ref: IndicatorRef, output?: string): string {
  const { columns } = resolveIndicator(ref, "strategy.indicators");
  const column =
    output === undefined && columns.length === 1 ? columns[0] : columns.find((c) => c.output === output);
  if (column === undefined) {
    const valid = columns.map((c) => c.output).join(", ");
    throw new StudioError(
      "INTERNAL",
      `indicator ${ref.name} has no output ${String(output)}; outputs: ${valid}`,
    );
  }
  return column.name;
}
