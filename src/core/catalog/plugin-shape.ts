/**
 * @module core/catalog/plugin-shape
 * What makes a value a plugin definition of a family, checked when it joins a catalog, so a broken user module is
 * PLUGIN_INVALID listing what is missing rather than a crash mid-run; and the sorting of a mixed list of user
 * definitions (the library's `plugins: [...]`) into strategies and indicators by shape.
 */
import type { IndicatorDef } from "../../indicators/types.js";
import type { StrategyDef } from "../../strategies/types.js";
import { quote, StudioError } from "../errors.js";
import type { PluginLists } from "./catalog.js";
import { describeOrigin, FAMILY_NOUN, type Family, type Origin } from "./plugin-origin.js";
import type { PluginEntry } from "./registry.js";

const REQUIRED_FUNCTIONS: Readonly<Record<Family, readonly string[]>> = {
  providers: ["create"],
  indicators: ["lookback", "compute"],
  strategies: ["inputs", "signal"],
  risk: ["quantity"],
};

/** PLUGIN_INVALID unless `entry` has a name, a summary, a zod schema and its family's functions. */
export function assertPluginShape(
  family: Family,
  entry: unknown,
  origin: Origin,
): asserts entry is PluginEntry {
  const e = entry as Record<string, unknown> | null | undefined;
  const name = typeof e?.name === "string" && e.name !== "" ? e.name : undefined;
  const label = `${FAMILY_NOUN[family]} ${name === undefined ? "(unnamed)" : quote(name)} from ${describeOrigin(origin)}`;
  const problems: string[] = [];
  if (e === null || typeof e !== "object") problems.push("is not an object");
  else {
    if (name === undefined) problems.push("has no `name` string");
    if (name !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name))
      problems.push("has a name that is not letters, digits and _ (starting with a letter)");
    if (typeof e.summary !== "string") problems.push("has no `summary` string");
    if (typeof (e.schema as { safeParse?: unknown } | undefined)?.safeParse !== "function")
      problems.push("has no zod `schema`");
    for (const fn of REQUIRED_FUNCTIONS[family]) {
      if (typeof e[fn] !== "function") problems.push(`has no \`${fn}\` function`);
    }
    if (family === "indicators" && !(Array.isArray(e.outputs) && e.outputs.length > 0))
      problems.push("has no `outputs` list");
  }
  if (problems.length > 0) {
    throw new StudioError("PLUGIN_INVALID", `${label} ${problems.join(", ")}`, {
      family,
      name,
      origin,
      problems,
    });
  }
}

/**
 * Sorts a mixed list of user definitions (the library's `plugins: [...]`) into families by shape: a strategy has
 * `inputs` and `signal`, an indicator `outputs` and `compute`. Anything else is PLUGIN_INVALID.
 */
export function pluginLists<P extends PluginEntry = PluginEntry>(
  plugins: readonly unknown[],
): PluginLists<P> {
  const strategies: StrategyDef[] = [];
  const indicators: IndicatorDef[] = [];
  for (const plugin of plugins) {
    const p = plugin as Record<string, unknown> | null | undefined;
    if (typeof p?.signal === "function" || typeof p?.inputs === "function")
      strategies.push(p as unknown as StrategyDef);
    else if (typeof p?.compute === "function" || Array.isArray(p?.outputs))
      indicators.push(p as unknown as IndicatorDef);
    else {
      throw new StudioError(
        "PLUGIN_INVALID",
        `plugin ${quote(p?.name ?? plugin)} is neither a strategy (inputs + signal) nor an indicator (outputs + lookback + compute)`,
      );
    }
  }
  return { strategies, indicators };
}
