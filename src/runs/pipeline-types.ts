/**
 * @module runs/pipeline-types
 * The contract between the run lifecycle and the work of a run. The lifecycle owns statuses, events and the
 * database row; a pipeline owns the stages' work and the run folder. Tests inject small pipelines; production
 * uses `runPipeline`.
 */
import type { RunConfig } from "../core/run-config.js";
import type { HomePaths } from "../store/home.js";
import type { RunRow } from "../store/repos/runs-repo.js";
import type { Store } from "../store/store.js";
import type { MethodProgress, Stage } from "./events/events.js";

export interface PipelineContext {
  readonly run: RunRow;
  readonly config: RunConfig;
  readonly home: HomePaths;
  readonly store: Store;
  readonly signal: AbortSignal;
  readonly clock: () => number;
  /** Marks the start of a stage (stages run in the order of STAGES). */
  stage(stage: Stage): void;
  /** Progress within the current stage, 0..1 (and, during validation, per method). */
  progress(ratio: number, methods?: MethodProgress): void;
  log(message: string, level?: "info" | "warn"): void;
  /** Throws CANCELLED when the run was cancelled; call between chunks of work. */
  checkCancelled(): void;
}

export interface PipelineResult {
  /** The completion time written into summary.json; the row gets the same value. */
  readonly completedAt: number;
  readonly metricsSummary: Record<string, unknown>;
  readonly manifestSha: string;
}

export type Pipeline = (ctx: PipelineContext) => Promise<PipelineResult>;
