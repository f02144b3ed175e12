/**
 * @module sweeps/plan/sweep-spec
 * The sweep spec schema, as strict as a RunConfig: the base config (inline or a preset's name), the space (dotted
 * RunConfig paths -> candidate lists or `{from, to, step}` ranges), the search method, the objective shared with
 * walk-forward, the holdout fraction, how many best trials become full runs and the sweep's seed. The base is
 * checked as a RunConfig, and every candidate value against its field, when the trial list is built
 * (plan-trials.ts), so errors name the varied path.
 */
import { z } from "zod";
import { configError } from "../../core/catalog/registry.js";
import { LIMITS } from "../../core/limits.js";
import { PRESET_NAME_PATTERN } from "../../core/run-config.js";
import { OBJECTIVE_NAMES } from "../../validation/objective.js";

/** A dotted RunConfig path: keys of letters, digits and `_`, or array indices, e.g. `strategy.params.fast`. */
export const SWEEP_PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z_][A-Za-z0-9_]*|\d+)){0,15}$/;

const Candidate = z
  .union([z.number(), z.boolean(), z.string().max(256), z.null()])
  .describe("A value for the path; null removes the field (e.g. no stop loss).");

const Range = z
  .strictObject({
    from: z.number().describe("First value."),
    to: z.number().describe("Last value (inclusive when on the step)."),
    step: z.number().positive().describe("Increment."),
  })
  .refine((r) => r.to >= r.from, { message: "to must be >= from" })
  .refine((r) => Math.floor((r.to - r.from) / r.step + 1e-9) + 1 <= LIMITS.maxSweepValues, {
    message: `a range may hold at most ${LIMITS.maxSweepValues} values`,
  });

const Dimension = z.union([z.array(Candidate).min(1).max(LIMITS.maxSweepValues), Range]);

const Method = z
  .discriminatedUnion("name", [
    z.strictObject({ name: z.literal("grid").describe("Every combination of the space.") }),
    z.strictObject({
      name: z.literal("random").describe("Distinct combinations drawn with the sweep's seed."),
      trials: z.int().min(1).max(LIMITS.maxSweepTrials).describe("How many combinations to draw."),
    }),
  ])
  .describe("Search method.");

export const SweepSpecSchema = z
  .strictObject({
    base: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("The RunConfig every trial starts from (exactly one of base and base_preset)."),
    base_preset: z
      .string()
      .regex(PRESET_NAME_PATTERN)
      .optional()
      .describe("Name of a saved preset to use as the base."),
    space: z
      .record(z.string().regex(SWEEP_PATH_PATTERN, "expected a dotted RunConfig path"), Dimension)
      .refine((s) => Object.keys(s).length >= 1, { message: "the space needs at least one path" })
      .refine((s) => Object.keys(s).length <= LIMITS.maxSweepDimensions, {
        message: `the space may vary at most ${LIMITS.maxSweepDimensions} paths`,
      })
      .describe("Dotted RunConfig path -> candidate values or a {from, to, step} range."),
    method: Method.prefault({ name: "grid" }),
    objective: z
      .enum(OBJECTIVE_NAMES)
      .default("sharpe")
      .describe("What the search maximizes on the in-sample bars; ties go to the first trial."),
    holdout: z
      .number()
      .min(0)
      .max(0.9)
      .default(0)
      .describe("Fraction of the last bars left out of the search; the best trial is then run on them."),
    top_k: z
      .int()
      .min(0)
      .max(LIMITS.maxSweepTopK)
      .default(0)
      .describe("How many of the best trials become ordinary runs with all artifacts."),
    pbo_partitions: z
      .union([z.literal(8), z.literal(16)])
      .default(16)
      .describe("CSCV blocks S for the probability of backtest overfitting."),
    seed: z.int().min(0).max(4294967295).default(42).describe("Seed of the random method's draws."),
  })
  .superRefine((spec, ctx) => {
    if ((spec.base === undefined) === (spec.base_preset === undefined)) {
      ctx.addIssue({ code: "custom", path: ["base"], message: "give exactly one of base and base_preset" });
    }
  });

export type SweepSpecInput = z.input<typeof SweepSpecSchema>;
export type SweepSpec = z.output<typeof SweepSpecSchema>;
export type SweepCandidate = z.output<typeof Candidate>;
export type SweepDimensionSpec = z.output<typeof Dimension>;

/** Structural parse; CONFIG_INVALID names every bad path and value. */
export function parseSweepSpec(input: unknown): SweepSpec {
  const result = SweepSpecSchema.safeParse(input);
  if (!result.success) throw configError(result.error, input);
  return result.data;
}
