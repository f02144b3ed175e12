/**
 * @module plugins/plugin-gate
 * What the studio does with user plugins when a config is submitted: a config naming a plugin whose file did
 * not load fails with that file's PLUGIN_INVALID (not a bare "unknown strategy"); the first use of a plugin
 * version runs the look-ahead check (refused with PLUGIN_INVALID when it leaks, unless skipped); and the run's
 * config_hash gets the versions of the user plugins it uses.
 */
import type { Catalog } from "../core/catalog/catalog.js";
import { StudioError } from "../core/errors.js";
import type { PluginVersions } from "../core/hashes.js";
import type { RunConfig } from "../core/run-config.js";
import type { HomePaths } from "../store/home.js";
import { ensureLookAheadChecked } from "./first-use-check.js";
import type { BrokenPlugin, PluginKind } from "./plugin-files.js";
import { pluginVersions, usedPlugins } from "./used-plugins.js";

export interface PluginGateOptions {
  readonly home: HomePaths;
  readonly catalog: Catalog;
  readonly broken?: readonly BrokenPlugin[];
  readonly skipPluginCheck?: boolean;
}

/** The broken file behind an "unknown strategy/indicator" CONFIG_INVALID, if there is one. */
function brokenBehind(err: unknown, broken: readonly BrokenPlugin[]): BrokenPlugin | undefined {
  if (!(err instanceof StudioError) || err.code !== "CONFIG_INVALID" || broken.length === 0) return undefined;
  const issues = (err.details?.issues ?? []) as { path?: string; value?: unknown }[];
  for (const issue of issues) {
    const kind: PluginKind | undefined =
      issue.path === "strategy.name"
        ? "strategy"
        : /^strategy\.inputs\.|^indicators\[\d+\]\.name$/.test(issue.path ?? "")
          ? "indicator"
          : undefined;
    const found = kind && broken.find((b) => b.kind === kind && b.name === issue.value);
    if (found) return found;
  }
  return undefined;
}

/** Wraps full config validation with the plugin rules above. */
export function gatedParse(
  parse: (input: unknown) => RunConfig,
  gate: PluginGateOptions,
): (input: unknown) => RunConfig {
  return (input) => {
    let config: RunConfig;
    try {
      config = parse(input);
    } catch (err) {
      throw brokenBehind(err, gate.broken ?? [])?.error ?? err;
    }
    ensureLookAheadChecked(gate.home, gate.catalog, usedPlugins(config, gate.catalog), {
      skip: gate.skipPluginCheck,
    });
    return config;
  };
}

/** The versions config_hash includes for `config`. */
export function versionsFor(catalog: Catalog): (config: RunConfig) => PluginVersions {
  return (config) => pluginVersions(usedPlugins(config, catalog));
}
