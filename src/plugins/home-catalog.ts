/**
 * @module plugins/home-catalog
 * The catalog of a studio home: the built-ins plus the home's plugin files, and the files that did not load.
 * `loadStudio` opens the studio service on it; the CLI commands and the HTTP server start there, so every entry
 * point sees the same plugins.
 */
import { builtinCatalog, type StudioCatalog } from "../runs/builtin-catalog.js";
import { type OpenStudioOptions, openStudio } from "../runs/open-studio.js";
import type { Studio } from "../runs/studio.js";
import type { HomePaths } from "../store/home.js";
import { loadPlugins, type PluginLoad } from "./load-plugins.js";

export function loadHomeCatalog(home: HomePaths): Promise<PluginLoad<StudioCatalog>> {
  return loadPlugins(home, builtinCatalog());
}

export interface LoadedStudio extends PluginLoad<StudioCatalog> {
  readonly studio: Studio;
}

/**
 * `openStudio` on the home's catalog: the built-ins, the home's plugin files and `options.plugins`. A broken
 * file does not stop the studio: a run that names it fails at submit with its PLUGIN_INVALID.
 */
export async function loadStudio(
  home: HomePaths,
  options: Omit<OpenStudioOptions, "catalog" | "broken"> = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedStudio> {
  const load = await loadHomeCatalog(home);
  const studio = openStudio(home, { ...options, catalog: load.catalog, broken: load.broken }, env);
  return { ...load, studio };
}
