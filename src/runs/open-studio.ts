/**
 * @module runs/open-studio
 * The production wiring of the studio service: full config validation and the real pipeline. The CLI and the
 * HTTP server both start here.
 */
import type { HomePaths } from "../store/home.js";
import { parseRunConfig } from "./parse-config.js";
import type { Pipeline } from "./pipeline-types.js";
import { Studio, type StudioOptions } from "./studio.js";

/** The pipeline (and its plotting and worker-pool dependencies) loads on the first run, not at start-up. */
const lazyPipeline: Pipeline = async (ctx) => (await import("./pipeline.js")).runPipeline(ctx);

export function openStudio(
  home: HomePaths,
  options: Partial<Pick<StudioOptions, "concurrency" | "keepCompleted" | "resumeQueued">> = {},
): Studio {
  return Studio.open({ home, parseConfig: parseRunConfig, pipeline: lazyPipeline, ...options });
}
