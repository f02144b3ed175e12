/**
 * @module runs/open-studio
 * The production wiring of the studio service: full config validation and the real pipeline. The CLI and the
 * HTTP server both start here. Two settings come from the environment so every entry point honours them:
 * `STUDIO_CONCURRENCY` (runs executed at once, default 1) and `STUDIO_KEEP_RUNS` (completed runs kept by
 * retention, default 100).
 */
import { quote, StudioError } from "../core/errors.js";
import type { HomePaths } from "../store/home.js";
import { parseRunConfig } from "./parse-config.js";
import type { Pipeline } from "./pipeline-types.js";
import { DEFAULT_KEEP_COMPLETED } from "./retention.js";
import { Studio, type StudioOptions } from "./studio.js";

/** The pipeline (and its plotting and worker-pool dependencies) loads on the first run, not at start-up. */
const lazyPipeline: Pipeline = async (ctx) => (await import("./pipeline.js")).runPipeline(ctx);

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
  options: Partial<Pick<StudioOptions, "concurrency" | "keepCompleted" | "resumeQueued">> = {},
  env: NodeJS.ProcessEnv = process.env,
): Studio {
  return Studio.open({
    home,
    parseConfig: parseRunConfig,
    pipeline: lazyPipeline,
    concurrency: envInt(env, "STUDIO_CONCURRENCY", 1),
    keepCompleted: envInt(env, "STUDIO_KEEP_RUNS", DEFAULT_KEEP_COMPLETED),
    ...options,
  });
}
