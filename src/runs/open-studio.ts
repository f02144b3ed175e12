/**
 * @module runs/open-studio
 * The production wiring of the studio service: the plugin catalog (the built-ins plus any extra plugins), full
 * config validation against it and the real pipeline. The CLI and the HTTP server both start here. Two settings come from the environment so every entry point honours them:
 * `STUDIO_CONCURRENCY` (runs executed at once, default 1) and `STUDIO_KEEP_RUNS` (completed runs kept by
 * retention, default 100).
 */
import { extendCatalog, type PluginOrigins, pluginLists } from "../core/catalog/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import type { ProviderDef } from "../data/provider.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { BrokenPlugin } from "../plugins/plugin-files.js";
import { gatedParse, versionsFor } from "../plugins/plugin-gate.js";
import type { HomePaths } from "../store/home.js";
import type { StrategyDef } from "../strategies/types.js";
import { builtinCatalog, type StudioCatalog } from "./builtin-catalog.js";
import { DEFAULT_KEEP_COMPLETED } from "./lifecycle/retention.js";
import { parseRunConfig } from "./parse-config.js";
import type { PipelineOptions } from "./pipeline.js";
import type { Pipeline } from "./pipeline-types.js";
import { Studio, type StudioOptions } from "./studio.js";

/** The pipeline (and its plotting and worker-pool dependencies) loads on the first run, not at start-up. */
function lazyPipeline(catalog: StudioCatalog, options: PipelineOptions): Pipeline {
  return async (ctx) => (await import("./pipeline.js")).runPipeline(ctx, catalog, options);
}

export interface OpenStudioOptions
  extends Partial<Pick<StudioOptions, "concurrency" | "keepCompleted" | "resumeQueued">> {
  /** Extra strategies and indicators (from `defineStrategy` / `defineIndicator`), beside the built-ins. */
  // biome-ignore lint/suspicious/noExplicitAny: a definition's params type is its own; any schema is accepted.
  readonly plugins?: readonly (StrategyDef<any> | IndicatorDef<any>)[];
  /** Origins of `plugins` by family and name (user plugin files: file and sha256); in-memory ones are hashed. */
  readonly origins?: PluginOrigins;
  /** The catalog to start from (default: the built-ins), e.g. one the plugin loader built; `plugins` extend it. */
  readonly catalog?: StudioCatalog;
  /** Plugin files of the home that did not load: a run naming one fails at submit with its error. */
  readonly broken?: readonly BrokenPlugin[];
  /**
   * Skip the look-ahead check of user plugins on first use (experts only); runs record
   * `look_ahead_check: "skipped"` in their summary.
   */
  readonly skipPluginCheck?: boolean;
}

/** `base` extended with `plugins`; a name clash is PLUGIN_INVALID naming both origins. */
export function studioCatalog(
  base: StudioCatalog,
  plugins: OpenStudioOptions["plugins"],
  origins?: PluginOrigins,
): StudioCatalog {
  if (plugins === undefined || plugins.length === 0) return base;
  return extendCatalog(base, pluginLists<ProviderDef>(plugins), origins);
}

/** A positive integer from the environment, or the default; anything else is CONFIG_INVALID naming the value. */
export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= 1 && value <= 1_000_000)) {
    throw new StudioError("CONFIG_INVALID", `${name} must be a positive integer, got ${quote(text)}`);
  }
  return value;
}

export function openStudio(
  home: HomePaths,
  options: OpenStudioOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Studio {
  const { plugins, origins, catalog: base, broken, skipPluginCheck, ...rest } = options;
  const catalog = studioCatalog(base ?? builtinCatalog(), plugins, origins);
  const gate = {
    home,
    catalog,
    ...(broken ? { broken } : {}),
    ...(skipPluginCheck ? { skipPluginCheck } : {}),
  };
  return Studio.open({
    home,
    catalog,
    parseConfig: gatedParse((input) => parseRunConfig(input, catalog), gate),
    pluginVersions: versionsFor(catalog),
    pipeline: lazyPipeline(catalog, { skipPluginCheck: skipPluginCheck === true }),
    concurrency: envInt(env, "STUDIO_CONCURRENCY", 1),
    keepCompleted: envInt(env, "STUDIO_KEEP_RUNS", DEFAULT_KEEP_COMPLETED),
    ...rest,
  });
}
