/**
 * @module runs/open-studio
 * The production wiring of the studio service: full config validation and the real pipeline. The CLI and the
 * HTTP server both start here.
 */
import type { HomePaths } from "../store/home.js";
import { parseRunConfig } from "./parse-config.js";
import { runPipeline } from "./pipeline.js";
import { Studio, type StudioOptions } from "./studio.js";

export function openStudio(
  home: HomePaths,
  options: Partial<Pick<StudioOptions, "concurrency" | "keepCompleted" | "resumeQueued">> = {},
): Studio {
  return Studio.open({ home, parseConfig: parseRunConfig, pipeline: runPipeline, ...options });
}
