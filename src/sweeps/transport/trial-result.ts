/**
 * @module sweeps/transport/trial-result
 * One trial's outcome as it crosses a process boundary (a BullMQ job's return value) and the one text encoding
 * of a set of outcomes. JSON cannot carry ±Infinity or NaN (an objective may be +Infinity for a riskless gain),
 * so numbers that are not finite travel as the strings "Infinity", "-Infinity", "NaN"; every finite double
 * round-trips exactly through JSON. `encodeTrialResults` sorts by trial index, so the same outcomes give the same
 * bytes whichever process or thread computed them and in whatever order they arrived.
 */
import type { Metrics } from "../../core/results.js";

export interface TrialResult {
  /** Position in the sweep's combination list (the key: a retried batch overwrites, never adds). */
  readonly index: number;
  readonly status: "done" | "failed";
  /** The spec's objective on the in-sample bars; null for a failed trial. */
  readonly objective: number | null;
  /** The in-sample metrics; null for a failed trial. */
  readonly metrics: Metrics | null;
  /** Why the trial failed: the StudioError code and message. */
  readonly error: { readonly code: string; readonly message: string } | null;
}

const NON_FINITE = new Set(["Infinity", "-Infinity", "NaN"]);

function replacer(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isFinite(value) ? String(value) : value;
}

export function encodeTrialResults(results: Iterable<TrialResult>): string {
  const sorted = [...results].sort((a, b) => a.index - b.index);
  return JSON.stringify(sorted, replacer);
}

export function decodeTrialResults(text: string): TrialResult[] {
  return JSON.parse(text, (key, value) =>
    key !== "code" && key !== "message" && typeof value === "string" && NON_FINITE.has(value)
      ? Number(value)
      : value,
  ) as TrialResult[];
}
