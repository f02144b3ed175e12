/**
 * @module runs/workers/worker-catalog
 * How a validation worker thread gets the run's Catalog. Functions cannot cross a thread boundary, so the main
 * thread sends the user's plugins as sources (family, name, file, expected sha256) and the worker rebuilds the
 * catalog: the built-ins plus each user plugin re-imported from its file. A file whose code no longer has the
 * expected sha256 (edited while the run was going) must be refused with PLUGIN_INVALID, so every replication runs
 * the code the run's hash names. A plugin passed in memory (no file) cannot be re-imported at all: the pool runs
 * such a run's validation in the main thread instead (`workerSources` answers undefined).
 */
import {
  type Catalog,
  describeOrigin,
  extendCatalog,
  type Family,
  type Origin,
} from "../../core/catalog/catalog.js";
import { quote, StudioError } from "../../core/errors.js";
import type { IndicatorDef } from "../../indicators/types.js";
import { importPluginSource } from "../../plugins/import-plugin-source.js";
import type { StrategyDef } from "../../strategies/types.js";
import { builtinCatalog, type StudioCatalog } from "../builtin-catalog.js";

/** The families user plugin files can add to. */
export type UserFamily = "strategies" | "indicators";

/** A user plugin as a worker can find it again. */
export interface PluginSource {
  readonly family: UserFamily;
  readonly name: string;
  readonly file: string;
  readonly sha256: string;
}

/** Imports one user plugin from its file in the home, refusing a sha256 mismatch with PLUGIN_INVALID. */
export type PluginImporter = (home: string, source: PluginSource) => Promise<StrategyDef | IndicatorDef>;

/**
 * The sources workers need to rebuild `catalog`: every non-built-in entry, by file. Undefined when an entry has
 * no file (passed in memory), so it cannot be rebuilt in another thread.
 */
export function workerSources(catalog: Catalog): PluginSource[] | undefined {
  const sources: PluginSource[] = [];
  for (const family of Object.keys(catalog.origins) as Family[]) {
    for (const [name, origin] of Object.entries(catalog.origins[family])) {
      if (origin === "builtin") continue;
      if (origin.file === undefined) return undefined;
      if (family !== "strategies" && family !== "indicators") return undefined;
      sources.push({ family, name, file: origin.file, sha256: origin.sha256 });
    }
  }
  return sources;
}

/** The built-in catalog plus every source re-imported: what a worker plans the run's replications with. */
export async function workerCatalog(
  sources: readonly PluginSource[],
  home: string | undefined,
  importer: PluginImporter = importPluginSource,
): Promise<StudioCatalog> {
  const base = builtinCatalog();
  if (sources.length === 0) return base;
  if (home === undefined) {
    const first = sources[0]!;
    throw new StudioError(
      "PLUGIN_INVALID",
      `validation worker cannot load user plugin ${first.name} from ${describeOrigin({ file: first.file, sha256: first.sha256 })}: the task names no studio home`,
    );
  }
  const strategies: StrategyDef[] = [];
  const indicators: IndicatorDef[] = [];
  const origins: Record<UserFamily, Record<string, Origin>> = { strategies: {}, indicators: {} };
  for (const source of sources) {
    const def = await importer(home, source);
    const family: UserFamily = "signal" in def ? "strategies" : "indicators";
    if (family !== source.family || def.name !== source.name) {
      throw new StudioError(
        "PLUGIN_INVALID",
        `${source.file} no longer defines ${source.family === "strategies" ? "strategy" : "indicator"} ${quote(source.name)} (it now defines ${quote(def.name)})`,
      );
    }
    if ("signal" in def) strategies.push(def);
    else indicators.push(def);
    origins[family][source.name] = { file: source.file, sha256: source.sha256 };
  }
  return extendCatalog(base, { strategies, indicators }, origins);
}
