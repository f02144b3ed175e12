/**
 * @module indicators/features/feature-set
 * Features are indicator outputs shifted +1 bar: `shifted[t] = raw[t-1]`, `shifted[0] = NaN`, so the feature a
 * strategy reads at bar t is built from data through the close of bar t-1 and the decision taken at the open
 * of t cannot see bar t. `raw` is kept for debugging and export (`raw_*` columns) and never reaches a strategy:
 * the frame serves only shifted columns, and only those declared.
 */
import { StudioError } from "../../core/errors.js";

/** Read-only access to shifted feature columns by their stable names (e.g. `sma_10`, `macd_12_26_9_signal`). */
export interface FeatureFrame {
  readonly length: number;
  /** The shifted column; throws INTERNAL if no declared indicator produces it. */
  column(name: string): Float64Array;
}

export interface FeatureColumn {
  /** Stable column name, e.g. `sma_10` or `macd_12_26_9_signal`. */
  readonly name: string;
  /** Indicator name. */
  readonly indicator: string;
  /** Parsed params, defaults filled. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Output of the indicator this column holds. */
  readonly output: string;
  /** Unshifted values: raw[t] uses bars 0..t. */
  readonly raw: Float64Array;
  /** raw shifted by one bar: shifted[t] = raw[t-1], shifted[0] = NaN. */
  readonly shifted: Float64Array;
}

export interface FeatureSet {
  readonly frame: FeatureFrame;
  readonly columns: readonly FeatureColumn[];
}

/** A FeatureSet over already computed (e.g. cached) columns; `length` is the bar count (needed when empty). */
export function featureSetFromColumns(columns: readonly FeatureColumn[], length: number): FeatureSet {
  const byName = new Map<string, Float64Array>();
  for (const column of columns) {
    if (column.raw.length !== length || column.shifted.length !== length) {
      throw new StudioError(
        "INTERNAL",
        `feature column ${column.name} has ${column.shifted.length} rows (raw ${column.raw.length}); expected ${length}`,
      );
    }
    if (byName.has(column.name))
      throw new StudioError("INTERNAL", `feature column ${column.name} appears twice`);
    byName.set(column.name, column.shifted);
  }
  const frame: FeatureFrame = {
    length,
    column(name: string): Float64Array {
      const values = byName.get(name);
      if (values === undefined) {
        throw new StudioError(
          "INTERNAL",
          `feature column ${JSON.stringify(name)} was not declared; declared: ${[...byName.keys()].join(", ") || "(none)"}`,
        );
      }
      return values;
    },
  };
  return { frame, columns };
}

/** raw shifted by one bar into a new array. */
export function shiftOne(raw: Float64Array): Float64Array {
  const n = raw.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  out[0] = Number.NaN;
  out.set(raw.subarray(0, n - 1), 1);
  return out;
}
