/**
 * @module plugins/definition-of
 * The plugin a module defines: its default export, checked against the contract of the folder it sits in
 * (`strategies/` holds strategies, `indicators/` indicators). Beyond the catalog's shape check it proves that the
 * schema has a default for every field (so `{}` is a valid params object and the catalog can show the
 * defaults) and, for an indicator, that its outputs are distinct names and its lookback for the defaults is a
 * whole number of bars. Every problem is PLUGIN_INVALID naming the file.
 */
import { assertPluginShape, type Family, type Origin } from "../core/catalog/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { PLUGIN_FOLDERS, type PluginKind } from "./plugin-files.js";

export const FAMILY_OF: Readonly<Record<PluginKind, Family>> = {
  strategy: "strategies",
  indicator: "indicators",
};

const DEFINE: Readonly<Record<PluginKind, string>> = {
  strategy: "defineStrategy",
  indicator: "defineIndicator",
};

function invalid(file: string, why: string, details: Record<string, unknown> = {}): StudioError {
  return new StudioError("PLUGIN_INVALID", `${file}: ${why}`, { file, ...details });
}

function kindOf(def: Record<string, unknown>): PluginKind | undefined {
  if (typeof def.signal === "function" || typeof def.inputs === "function") return "strategy";
  if (typeof def.compute === "function" || Array.isArray(def.outputs)) return "indicator";
  return undefined;
}

export function definitionOf(
  kind: PluginKind,
  file: string,
  module: Record<string, unknown>,
  origin: Origin,
): StrategyDef | IndicatorDef {
  const def = module.default as Record<string, unknown> | undefined;
  if (def === undefined || def === null || typeof def !== "object") {
    throw invalid(
      file,
      `has no plugin as its default export (got ${quote(def)}); end the file with \`export default ${DEFINE[kind]}({ ... })\` imported from "backtest-studio"`,
    );
  }
  const found = kindOf(def);
  if (found !== undefined && found !== kind) {
    throw invalid(
      file,
      `is in ${PLUGIN_FOLDERS[kind]}/ but exports ${found === "indicator" ? "an indicator" : "a strategy"}; move it to ${PLUGIN_FOLDERS[found]}/`,
    );
  }
  try {
    assertPluginShape(FAMILY_OF[kind], def, origin);
  } catch (err) {
    const e = err as StudioError;
    throw invalid(file, e.message, e.details);
  }
  const entry = def as unknown as StrategyDef | IndicatorDef;
  if (entry.summary.trim() === "")
    throw invalid(file, "has an empty `summary`; one sentence shows in the catalog");
  const defaults = entry.schema.safeParse({});
  if (!defaults.success) {
    const fields = defaults.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
    throw invalid(
      file,
      `params schema rejects {}: give every field a default (\`.default(...)\`); fields without one: ${fields}`,
    );
  }
  if (kind === "indicator") {
    const indicator = entry as IndicatorDef;
    const outputs = indicator.outputs;
    if (
      !outputs.every((o) => typeof o === "string" && /^[a-z][a-z0-9_]*$/.test(o)) ||
      new Set(outputs).size !== outputs.length
    ) {
      throw invalid(file, `outputs must be distinct lower-case names, got ${quote(outputs)}`);
    }
    let lookback: unknown;
    try {
      lookback = indicator.lookback(defaults.data);
    } catch (err) {
      throw invalid(file, `lookback(default params) threw: ${err instanceof Error ? err.message : err}`);
    }
    if (!Number.isInteger(lookback) || (lookback as number) < 0) {
      throw invalid(
        file,
        `lookback(default params) must be a whole number of bars >= 0, got ${quote(lookback)}`,
      );
    }
  }
  return entry;
}
