/**
 * @module indicators/features/compute-features
 * Computes the features of a run: each resolved indicator once (identical refs, same name and parsed params, are
 * deduplicated), every output kept raw and shifted +1 bar. A column's raw and shifted arrays share one buffer, so
 * shifting costs neither a copy nor a second allocation on long series (treat both as read-only). Pure: the edge
 * decides whether cached columns can replace a computation and then builds the set with `featureSetFromColumns`.
 * Each indicator's result is checked (every output present, a Float64Array of the series' length: O(1) per
 * output), so a bad user plugin is PLUGIN_FAILED naming it rather than a crash further on.
 */
import type { Candles } from "../../core/candles.js";
import { callPlugin, pluginFailure } from "../../core/catalog/plugin-failure.js";
import { type ColumnWorkspace, float64Column } from "../../core/column-workspace.js";
import { quote } from "../../core/errors.js";
import { type FeatureColumn, type FeatureSet, featureSetFromColumns, shiftOne } from "./feature-set.js";
import type { ResolvedIndicator } from "./resolve-indicator.js";

/** With a `workspace`, output columns are pooled (stale contents: the indicator contract has every element
 * written) and the set is valid until its next reset. */
export function computeFeatures(
  resolved: readonly ResolvedIndicator[],
  candles: Candles,
  workspace?: ColumnWorkspace,
): FeatureSet {
  const columns: FeatureColumn[] = [];
  const shiftedOf = new Map<Float64Array, Float64Array>();
  // Each output lives at offset 1 of a buffer one longer than the series whose slot 0 is NaN: the buffer's first
  // n values are then the shifted column, with no copy.
  const alloc = (length: number): Float64Array => {
    const buffer = float64Column(length + 1, workspace);
    buffer[0] = Number.NaN;
    const raw = buffer.subarray(1);
    shiftedOf.set(raw, buffer.subarray(0, length));
    return raw;
  };
  const n = candles.ts.length;
  for (const indicator of uniqueIndicators(resolved)) {
    const what = `indicator ${quote(indicator.def.name)}`;
    const raw = callPlugin(indicator.origin, what, () =>
      indicator.def.compute(candles, indicator.params, alloc),
    );
    for (const { output, name } of indicator.columns) {
      const values = checkedOutput(indicator, what, raw, output, n);
      columns.push({
        name,
        indicator: indicator.def.name,
        params: indicator.params,
        output,
        raw: values,
        shifted: shiftedOf.get(values) ?? shiftOne(values),
      });
    }
  }
  return featureSetFromColumns(columns, n);
}

/** The output `output` of one compute call, or PLUGIN_FAILED saying what is wrong with it. */
function checkedOutput(
  indicator: ResolvedIndicator,
  what: string,
  raw: unknown,
  output: string,
  n: number,
): Float64Array {
  const values =
    raw !== null && typeof raw === "object" && Object.hasOwn(raw, output)
      ? (raw as Record<string, unknown>)[output]
      : undefined;
  const fail = (message: string) =>
    pluginFailure(indicator.origin, what, message, { indicator: indicator.def.name, output });
  if (values === undefined) {
    const got =
      raw !== null && typeof raw === "object" ? Object.keys(raw).join(", ") || "(none)" : quote(raw);
    throw fail(
      `returned no output ${quote(output)} (declared: ${indicator.def.outputs.join(", ")}; got: ${got})`,
    );
  }
  if (!(values instanceof Float64Array))
    throw fail(`returned output ${quote(output)} that is not a Float64Array`);
  if (values.length !== n) {
    throw fail(
      `returned output ${quote(output)} of length ${values.length}; the series has ${n} bars (first bad bar: ${Math.min(values.length, n)})`,
    );
  }
  return values;
}

/** First occurrence of each (name, params) pair, in order. */
export function uniqueIndicators(resolved: readonly ResolvedIndicator[]): ResolvedIndicator[] {
  const seen = new Set<string>();
  return resolved.filter((r) => {
    // Parsed params are in the schema's key order, so equal params stringify equally.
    const key = `${r.def.name}|${JSON.stringify(r.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
