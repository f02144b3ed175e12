/**
 * @module sweeps/plan/sweep-plan
 * Everything a sweep will do, decided before any trial runs and from the spec alone: the normalized spec (base
 * as a parsed RunConfig, ranges expanded), the trial list with what was skipped, and the sweep's identity,
 * `sweep_hash = sha256(canonical_json(normalized spec + code_version + user plugins' sha256))`. The same spec
 * always gives the same plan and hash, so a resubmitted spec finds its sweep and a resumed sweep the same trials.
 */
import { canonicalJson } from "../../core/canonical-json.js";
import { CODE_VERSION } from "../../core/code-version.js";
import { sha256 } from "../../core/hash.js";
import { parseRunConfigShape, type RunConfig } from "../../core/run-config.js";
import { expandSpace, type SweepDimension } from "./expand-space.js";
import { planTrials, type TrialPlan } from "./plan-trials.js";
import type { SweepCandidate, SweepSpec } from "./sweep-spec.js";
import { trialCombos } from "./trial-combos.js";

export interface NormalizedSweepSpec {
  readonly base: Omit<RunConfig, "preset_ref">;
  readonly space: Readonly<Record<string, readonly SweepCandidate[]>>;
  readonly method: SweepSpec["method"];
  readonly objective: SweepSpec["objective"];
  readonly holdout: number;
  readonly top_k: number;
  readonly pbo_partitions: 8 | 16;
  readonly seed: number;
}

export interface SweepPlan extends TrialPlan {
  readonly spec: NormalizedSweepSpec;
  readonly dims: readonly SweepDimension[];
  readonly sweepHash: string;
}

export interface SweepPlanOptions {
  /** The base config (the spec's `base`, or its preset's config merged at the edge). */
  readonly base: unknown;
  /** Parses a config's plugins with the run's catalog; see planTrials. */
  readonly check: (config: RunConfig) => unknown;
  /** sha256 of each user plugin by name (empty for built-ins only): part of the sweep's identity. */
  readonly pluginShas?: Readonly<Record<string, string>>;
  readonly codeVersion?: string;
}

export function planSweep(spec: SweepSpec, options: SweepPlanOptions): SweepPlan {
  const dims = expandSpace(spec.space);
  const combos = trialCombos(dims, spec.method, spec.seed);
  const trials = planTrials(options.base, dims, combos, options.check);
  // The base's structure is checked on its own (its plugin params only together with the varied values).
  const { preset_ref: _ref, ...base } = parseRunConfigShape(options.base);
  const normalized: NormalizedSweepSpec = {
    base,
    space: Object.fromEntries(dims.map((d) => [d.path, d.values])),
    method: spec.method,
    objective: spec.objective,
    holdout: spec.holdout,
    top_k: spec.top_k,
    pbo_partitions: spec.pbo_partitions,
    seed: spec.seed,
  };
  const sweepHash = sha256(
    canonicalJson({
      spec: normalized,
      code_version: options.codeVersion ?? CODE_VERSION,
      plugins: options.pluginShas ?? {},
    }),
  );
  return { ...trials, spec: normalized, dims, sweepHash };
}
