/**
 * @module sweeps/plan/plan-trials
 * The trial list of a sweep: each combination applied to the base config and checked exactly as a run's config
 * is (the RunConfig schema, then the plugins' schemas through the injected `check`). What is an error and what is
 * skipped:
 * - a path the config does not have (an unknown key, or one the schema drops) is CONFIG_INVALID naming it;
 * - a value that no combination accepts, with the complaint at its own path (a negative period, a value outside
 *   an enum), is CONFIG_INVALID naming the path and the value;
 * - a combination rejected as a whole (fast >= slow) is skipped and counted, as walk-forward does.
 * Trial indices are positions in the combination list, so they stay stable whatever is skipped.
 */
import { quote, StudioError } from "../../core/errors.js";
import { parseRunConfigShape, type RunConfig } from "../../core/run-config.js";
import type { SweepDimension } from "./expand-space.js";
import { valueAtPath, withPath } from "./set-path.js";
import type { SweepCandidate } from "./sweep-spec.js";

export interface PlannedTrial {
  /** Position in the sweep's combination list. */
  readonly index: number;
  /** The varied values, by path. */
  readonly values: Readonly<Record<string, SweepCandidate>>;
  readonly config: RunConfig;
}

export interface TrialPlan {
  readonly trials: readonly PlannedTrial[];
  /** Combinations rejected as a whole. */
  readonly skipped: number;
  /** Every combination tried (trials + skipped). */
  readonly planned: number;
}

interface Issue {
  readonly path: string;
  readonly message: string;
  readonly value?: unknown;
}

/**
 * `check` parses a config's plugins (strategy, risk params...) and returns the config with its plugin params
 * normalized, or throws CONFIG_INVALID; it is how the caller's catalog enters this pure function.
 */
export function planTrials(
  base: unknown,
  dims: readonly SweepDimension[],
  combos: readonly (readonly number[])[],
  check: (config: RunConfig) => unknown,
): TrialPlan {
  const trials: PlannedTrial[] = [];
  const accepted = dims.map((d) => new Array<number>(d.values.length).fill(0));
  const complaints = dims.map(() => new Map<number, string>());
  let firstError: StudioError | undefined;
  for (let index = 0; index < combos.length; index++) {
    const combo = combos[index]!;
    let raw: unknown = base;
    const values: Record<string, SweepCandidate> = {};
    for (let d = 0; d < dims.length; d++) {
      const dim = dims[d]!;
      const value = dim.values[combo[d]!]!;
      values[dim.path] = value;
      raw = withPath(raw, dim.path, value);
    }
    let config: RunConfig;
    let normalized: unknown;
    try {
      config = parseRunConfigShape(raw);
      normalized = check(config);
    } catch (err) {
      if (!(err instanceof StudioError) || err.code !== "CONFIG_INVALID") throw err;
      const issues = ((err.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[];
      for (let d = 0; d < dims.length; d++) {
        const dim = dims[d]!;
        assertPathKnown(dim, issues);
        const own = issues.find((i) => i.path === dim.path);
        if (own && !complaints[d]!.has(combo[d]!)) complaints[d]!.set(combo[d]!, own.message);
      }
      firstError ??= err;
      continue;
    }
    for (let d = 0; d < dims.length; d++) {
      const dim = dims[d]!;
      const value = values[dim.path]!;
      const seen = valueAtPath(normalized, dim.path);
      // null removes the field, so its default may show up there: nothing to compare.
      if (value !== null && seen !== value) {
        throw unknownPath(
          dim.path,
          `the config has no field ${quote(dim.path)} (its schema drops or changes it)`,
        );
      }
      accepted[d]![combo[d]!]!++;
    }
    trials.push({ index, values, config });
  }
  for (let d = 0; d < dims.length; d++) {
    const dim = dims[d]!;
    for (let v = 0; v < dim.values.length; v++) {
      const complaint = complaints[d]!.get(v);
      if (accepted[d]![v] === 0 && complaint !== undefined) {
        const value = dim.values[v];
        throw new StudioError(
          "CONFIG_INVALID",
          `space.${dim.path}: the value ${quote(value)} is rejected in every combination: ${complaint}`,
          { issues: [{ path: `space.${dim.path}`, message: complaint, value }] },
        );
      }
    }
  }
  if (trials.length === 0) {
    throw new StudioError(
      "CONFIG_INVALID",
      `space: none of the ${combos.length} combinations is a valid config; the first fails with: ${firstError?.message}`,
      firstError?.details ?? { issues: [{ path: "space", message: "no valid combination" }] },
    );
  }
  return { trials, skipped: combos.length - trials.length, planned: combos.length };
}

/** CONFIG_INVALID when an issue says the dimension's last key is unrecognized at its parent. */
function assertPathKnown(dim: SweepDimension, issues: readonly Issue[]): void {
  const cut = dim.path.lastIndexOf(".");
  const parent = cut < 0 ? "(root)" : dim.path.slice(0, cut);
  const key = dim.path.slice(cut + 1);
  for (const i of issues) {
    if (i.path === parent && Array.isArray(i.value) && i.value.includes(key)) {
      throw unknownPath(
        dim.path,
        `${parent === "(root)" ? "the config" : parent} has no field ${quote(key)}`,
      );
    }
  }
}

function unknownPath(path: string, message: string): StudioError {
  return new StudioError("CONFIG_INVALID", `space.${path}: ${message}`, {
    issues: [{ path: `space.${path}`, message: "unknown path", value: path }],
  });
}
