/**
 * @module plugins/load-plugins
 * Loads the home's plugin files into a catalog: each file is bundled, its bundle's sha256 becomes its version,
 * the bundle is imported and its default export checked. A file that fails any step is set aside as broken
 * (PLUGIN_INVALID naming the file and the cause) and everything else still loads. A name defined by two files
 * (of one family or not: a run folder keeps a plugin's code as `plugins/NAME.mjs`), or by a file and a built-in,
 * is refused for every file involved, naming them all, so a run never silently gets one of two definitions.
 */
import { type Catalog, extendCatalog, type Origin } from "../core/catalog/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { HomePaths } from "../store/home.js";
import type { StrategyDef } from "../strategies/types.js";
import { bundlePlugin } from "./bundle-plugin.js";
import { definitionOf, FAMILY_OF } from "./definition-of.js";
import { importBundle } from "./import-bundle.js";
import {
  type BrokenPlugin,
  listPluginFiles,
  type PluginFile,
  type PluginKind,
  pluginStem,
} from "./plugin-files.js";

/** A plugin file that loaded: what it defines and the exact version that runs. */
export interface LoadedPlugin {
  readonly kind: PluginKind;
  readonly name: string;
  /** Relative to the home, `/`-separated. */
  readonly file: string;
  readonly path: string;
  readonly sha256: string;
  readonly def: StrategyDef | IndicatorDef;
}

export interface PluginLoad<C extends Catalog> {
  /** `base` plus every plugin that loaded. */
  readonly catalog: C;
  readonly plugins: readonly LoadedPlugin[];
  /** Files that did not load; a run naming one of them fails at submit with its error. */
  readonly broken: readonly BrokenPlugin[];
}

/** Bundles, imports and checks one plugin file. */
export async function loadPluginFile(home: HomePaths, file: PluginFile): Promise<LoadedPlugin> {
  const bundle = await bundlePlugin(home.root, file);
  let module: Record<string, unknown>;
  try {
    module = await importBundle(home, bundle);
  } catch (err) {
    if (err instanceof StudioError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new StudioError("PLUGIN_INVALID", `${file.file}: failed while importing: ${why}`, {
      file: file.file,
    });
  }
  const origin: Origin = { file: file.file, sha256: bundle.sha256 };
  const def = definitionOf(file.kind, file.file, module, origin);
  return { kind: file.kind, name: def.name, file: file.file, path: file.path, sha256: bundle.sha256, def };
}

export async function loadPlugins<C extends Catalog>(home: HomePaths, base: C): Promise<PluginLoad<C>> {
  const listed = listPluginFiles(home.root);
  const broken: BrokenPlugin[] = [...listed.broken];
  const loaded: LoadedPlugin[] = [];
  for (const file of listed.files) {
    try {
      loaded.push(await loadPluginFile(home, file));
    } catch (err) {
      const error =
        err instanceof StudioError
          ? err
          : new StudioError("PLUGIN_INVALID", `${file.file}: ${String(err)}`, { file: file.file });
      broken.push({ kind: file.kind, file: file.file, name: pluginStem(file.file), error });
    }
  }
  let catalog = base;
  const plugins: LoadedPlugin[] = [];
  for (const plugin of loaded) {
    const family = FAMILY_OF[plugin.kind];
    // Unique across strategies and indicators too: a run folder keeps each one's code as plugins/NAME.mjs.
    const rivals = loaded.filter((p) => p.name === plugin.name);
    try {
      if (rivals.length > 1) {
        const kinds = rivals.every((p) => p.kind === plugin.kind) ? plugin.kind : "user plugin";
        const why =
          kinds === plugin.kind ? "" : " (a user strategy and a user indicator cannot share a name)";
        throw new StudioError(
          "PLUGIN_INVALID",
          `${kinds} ${quote(plugin.name)} is defined by ${rivals.length} files: ${rivals.map((p) => p.file).join(" and ")}${why}; rename all but one`,
          { file: plugin.file, name: plugin.name, files: rivals.map((p) => p.file) },
        );
      }
      const origin: Origin = { file: plugin.file, sha256: plugin.sha256 };
      catalog = extendCatalog(
        catalog,
        { [family]: [plugin.def] },
        { [family]: { [plugin.name]: origin } },
      ) as C;
      plugins.push(plugin);
    } catch (err) {
      const e = err as StudioError;
      const error =
        rivals.length > 1
          ? e
          : new StudioError("PLUGIN_INVALID", `${plugin.file}: ${e.message}`, {
              ...e.details,
              file: plugin.file,
            });
      broken.push({ kind: plugin.kind, file: plugin.file, name: plugin.name, error });
    }
  }
  return { catalog, plugins, broken };
}
