/**
 * @module plugins/check-report
 * What a look-ahead check answers, and the comparisons it is built on. A check fails with its first problem
 * only, named precisely: for a leak, the series, the first bar whose value changed, `k` (the last bar left
 * as it was) and the size of the change, so the user can find the line that reads the future.
 */
import type { PluginKind } from "./plugin-files.js";

export type CheckName =
  | "runs"
  | "outputs"
  | "warm_up"
  | "look_ahead"
  | "prefix"
  | "deterministic"
  | "writes_every_bar"
  | "short_series"
  | "finite_targets";

export interface CheckFailure {
  readonly check: CheckName;
  readonly message: string;
  /** The output, feature, `signal` or `fills` whose value moved. */
  readonly series?: string;
  /** First bar (index) whose value differs. */
  readonly bar?: number;
  /** Bars 0..k were left unchanged (the future is every bar after k). */
  readonly k?: number;
  /** |after - before|, or Infinity when a value turned NaN or back. */
  readonly change?: number;
  /** Which sample data showed it. */
  readonly data?: string;
  /** The params (parsed) it showed with. */
  readonly params?: Record<string, unknown>;
}

export interface CheckResult {
  readonly check: CheckName;
  /** What holds when the check passes. */
  readonly description: string;
  readonly failure?: CheckFailure;
}

export interface PluginCheckReport {
  readonly kind: PluginKind;
  readonly name: string;
  /** Params checked (parsed, defaults filled), one entry per param set. */
  readonly params: readonly Record<string, unknown>[];
  readonly bars: number;
  readonly data: readonly string[];
  readonly results: readonly CheckResult[];
  readonly ok: boolean;
  /** The first failure, in the order of `results`. */
  readonly failure?: CheckFailure;
}

/** The first value two runs disagree on: which series, which bar, and the two values. */
export interface Leak {
  readonly series: string;
  readonly bar: number;
  readonly before: number;
  readonly after: number;
}

/** A look-ahead failure: `leak` moved when only the candles after bar `k` changed (`data` says how). */
export function lookAheadFailure(leak: Leak, k: number, data: string): CheckFailure {
  const change = changeSize(leak.before, leak.after);
  return {
    check: "look_ahead",
    series: leak.series,
    bar: leak.bar,
    k,
    change,
    data,
    message: `look-ahead: ${leak.series}[${leak.bar}] changed by ${num(change)} (${num(leak.before)} -> ${num(leak.after)}) when only the candles after bar ${k} changed (${data})`,
  };
}

/** A determinism failure: the same candles (`data`) gave two values at `leak`. */
export function rerunFailure(leak: Leak, data: string): CheckFailure {
  return {
    check: "deterministic",
    series: leak.series,
    bar: leak.bar,
    data,
    message: `deterministic: ${leak.series}[${leak.bar}] is ${num(leak.before)} then ${num(leak.after)} on the same candles`,
  };
}

/** The first t in [0, upTo] where a[t] and b[t] are not the same double (NaN equals NaN), or -1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>, upTo: number): number {
  // Past the end of one array the value is undefined, which differs from any number.
  for (let t = 0; t <= upTo; t++) if (!Object.is(a[t], b[t])) return t;
  return -1;
}

/** |after - before|, Infinity when exactly one of them is not finite. */
export function changeSize(before: number, after: number): number {
  if (Number.isFinite(before) && Number.isFinite(after)) return Math.abs(after - before);
  return Infinity;
}

/** A short rendering of a number for messages (6 significant digits). */
export function num(value: number | undefined): string {
  if (value === undefined) return "missing";
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(6)).toString();
}

/** Bars worth checking as "k": the warm-up edges and an even spread over the series (within 0..n-2). */
export function checkpoints(n: number, lookback: number, spread = 24): number[] {
  const ks = new Set<number>([0, 1, lookback - 1, lookback, lookback + 1]);
  for (let i = 0; i <= spread; i++) ks.add(Math.round((i * (n - 2)) / spread));
  return [...ks].filter((k) => k >= 0 && k <= n - 2).sort((a, b) => a - b);
}

export function reportOf(
  head: Omit<PluginCheckReport, "ok" | "failure" | "results">,
  results: readonly CheckResult[],
): PluginCheckReport {
  const failure = results.find((r) => r.failure)?.failure;
  return { ...head, results, ok: failure === undefined, ...(failure ? { failure } : {}) };
}
