/**
 * @module sweeps/run-sweep
 * The library's one-call sweep: `runSweep(spec, { candles, plugins })` plans the spec against the built-ins plus
 * the given plugins, runs every trial in memory (on worker threads when `threads` > 0 and every plugin has a
 * file a worker can import; in this thread otherwise) and returns the trial records and summary.json's content.
 * Nothing is written; the studio's sweep service adds storage, artifacts, resume and top_k runs around the same
 * plan and execution.
 */
import type { Candles } from "../core/candles.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { StudioError } from "../core/errors.js";
import { engineCatalog, withPlugins } from "../engine/engine-catalog.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { executeSweep, type SweepOutcome, type SweepProgress } from "./execute-sweep.js";
import { catalogCheck } from "./plan/catalog-check.js";
import { planSweep, type SweepPlan } from "./plan/sweep-plan.js";
import { parseSweepSpec } from "./plan/sweep-spec.js";
import { type SweepSummary, sweepSummary } from "./sweep-summary.js";

export interface RunSweepInputs {
  readonly candles: Candles;
  // biome-ignore lint/suspicious/noExplicitAny: a definition's params type is its own; any schema is accepted.
  readonly plugins?: readonly (StrategyDef<any> | IndicatorDef<any>)[];
  readonly catalog?: Catalog;
  /** Worker threads (default 0: this thread). */
  readonly threads?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SweepProgress) => void;
}

export interface SweepResult {
  readonly plan: SweepPlan;
  readonly outcome: SweepOutcome;
  readonly summary: SweepSummary;
}

export async function runSweep(spec: unknown, inputs: RunSweepInputs): Promise<SweepResult> {
  const parsed = parseSweepSpec(spec);
  if (parsed.base === undefined) {
    throw new StudioError(
      "CONFIG_INVALID",
      "base_preset: presets live in a studio home; the library needs base",
      {
        issues: [{ path: "base_preset", message: "use base", value: parsed.base_preset }],
      },
    );
  }
  const catalog = withPlugins(inputs.catalog ?? engineCatalog(), inputs.plugins);
  const plan = planSweep(parsed, { base: parsed.base, check: catalogCheck(catalog) });
  const outcome = await executeSweep({
    plan,
    catalog,
    candles: inputs.candles,
    threads: inputs.threads ?? 0,
    ...(inputs.signal ? { signal: inputs.signal } : {}),
    ...(inputs.onProgress ? { onProgress: inputs.onProgress } : {}),
  });
  return { plan, outcome, summary: sweepSummary(plan, outcome, inputs.candles.ts.length) };
}
