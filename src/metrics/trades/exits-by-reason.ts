/**
 * @module metrics/trades/exits-by-reason
 * How the round trips ended: the count per exit reason (signal, stop_loss, take_profit, trailing_stop,
 * time_exit) and the mean return of the trips closed for each, so a user sees at a glance whether the stops
 * cut losses or the targets cap winners. Every reason is present; a reason with no trip averages to null.
 */
import { EXIT_REASONS, type ExitReason } from "../../core/results.js";

export interface ExitsByReason {
  readonly counts: Record<ExitReason, number>;
  /** mean(returnPct) of the trips closed for the reason; null with no such trip or a non-finite sum. */
  readonly avgReturn: Record<ExitReason, number | null>;
}

/** `exitReason[i]` indexes EXIT_REASONS; `returnPct[i]` is the same trip's return. */
export function exitsByReason(exitReason: Int8Array, returnPct: Float64Array): ExitsByReason {
  const k = EXIT_REASONS.length;
  const count = new Array<number>(k).fill(0);
  const sum = new Array<number>(k).fill(0);
  for (let i = 0; i < exitReason.length; i++) {
    const r = exitReason[i]!;
    count[r]!++;
    sum[r]! += returnPct[i]!;
  }
  const counts = {} as Record<ExitReason, number>;
  const avgReturn = {} as Record<ExitReason, number | null>;
  EXIT_REASONS.forEach((name, r) => {
    counts[name] = count[r]!;
    avgReturn[name] = count[r]! > 0 && Number.isFinite(sum[r]!) ? sum[r]! / count[r]! : null;
  });
  return { counts, avgReturn };
}
