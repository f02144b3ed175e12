/**
 * @module report/sweep-label
 * How a sweep is named to people in the web studio: its strategy and varied parameters
 * (`sma_crossover: fast x slow`), its market, and its trial counts (`12 / 20 trials, 4 skipped, 1 failed`)
 * against the trials that can run (planned minus skipped), which is also what its progress bar counts to.
 */

export interface SweepHead {
  readonly strategy: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly dimensions: readonly string[];
  readonly trials: { planned: number; done: number; skipped: number; failed: number };
}

/** A dotted path by its last part: `strategy.params.fast` -> `fast`, `exits.stop_loss` -> `stop_loss`. */
export const pathName = (p: string): string => p.split(".").at(-1) ?? p;

export function sweepLabel(s: SweepHead): string {
  return `${s.strategy}: ${s.dimensions.map(pathName).join(" x ")}`;
}

/** Trials that can run: the planned combinations the strategy did not reject. */
export const runnableTrials = (s: SweepHead): number => s.trials.planned - s.trials.skipped;

export function trialCounts(s: SweepHead, done = s.trials.done + s.trials.failed): string {
  const extra = [
    s.trials.skipped ? `${s.trials.skipped} skipped` : "",
    s.trials.failed ? `${s.trials.failed} failed` : "",
  ].filter(Boolean);
  return `${done} / ${runnableTrials(s)} trials${extra.length ? `, ${extra.join(", ")}` : ""}`;
}
