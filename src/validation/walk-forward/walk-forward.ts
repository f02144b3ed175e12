/**
 * @module validation/walk-forward/walk-forward
 * Walk-forward optimization against the injected replayer. Per segment every grid trial is run over the
 * in-sample range (candles up to the IS end, trading from the IS start, so indicators have real history) and the
 * best by the objective is chosen (ties: first in grid order); it is then run over the out-of-sample range the
 * same way (candles up to the OOS end, trading from the OOS start; positions open at the segment end stay open in
 * the mark-to-market equity, they are not force-closed). Out-of-sample returns are compounded into the stitched
 * return; the walk-forward efficiency is annualized stitched OOS over the mean annualized IS return.
 * @see docs/validation.md (Walk-forward); Pardo (2008).
 */
import { sliceCandles } from "../../core/candles.js";
import { StudioError } from "../../core/errors.js";
import type { WfoConfig } from "../../core/run-config.js";
import { strictlyBetter } from "../at-least-as-good.js";
import { finiteOrNull } from "../json-safe.js";
import { argmaxFirst, objectiveValue, sharpeRatio } from "../objective.js";
import type { ValidationProgress } from "../progress.js";
import { barReturns, compoundedReturn } from "../returns.js";
import type { ValidationContext, WfoSegmentSummary, WfoSummary } from "../types.js";
import { contextTrials, gridSize } from "./param-grid.js";
import { annualizedReturn, walkForwardEfficiency } from "./walk-forward-efficiency.js";
import { wfoWindows } from "./wfo-windows.js";

/** Backtest runs walk-forward makes: per window every trial in-sample plus the winner out-of-sample. */
export function walkForwardRuns(wfo: WfoConfig, trials: number): number {
  return wfo.windows * (trials + 1);
}

export function runWalkForward(
  wfo: WfoConfig,
  ctx: ValidationContext,
  progress: ValidationProgress,
): WfoSummary {
  const { candles, replayer } = ctx;
  const cash = replayer.initialCash;
  const perYear = replayer.barsPerYear;
  const trials = contextTrials(wfo.grid, ctx);
  const windows = wfoWindows(candles.close.length, wfo.windows, wfo.in_sample_ratio, wfo.anchored);
  const warmup = Math.max(...trials.map((t) => replayer.warmupBars(t.params)));
  const firstIs = windows[0]!.isEnd - windows[0]!.isStart;
  if (firstIs <= warmup + 1) {
    throw new StudioError(
      "INSUFFICIENT_DATA",
      `walk-forward: the first in-sample window has ${firstIs} bars, not more than the ${warmup} warm-up bars + 1`,
      { in_sample_bars: firstIs, warmup },
    );
  }

  const objectives = new Float64Array(trials.length);
  const segments: WfoSegmentSummary[] = [];
  let stitched = 1;
  let oosBars = 0;
  let isAnnualSum = 0;
  for (const w of windows) {
    const isCandles = sliceCandles(candles, 0, w.isEnd);
    const isReturns: number[] = [];
    for (let j = 0; j < trials.length; j++) {
      progress.checkCancel();
      const { equity } = replayer.run(isCandles, trials[j]!.params, w.isStart);
      const r = barReturns(equity, w.isStart, w.isEnd, cash);
      objectives[j] = objectiveValue(wfo.objective, r, perYear);
      isReturns.push(compoundedReturn(r));
      progress.advance(1);
    }
    const best = argmaxFirst(objectives);
    progress.checkCancel();
    const oos = replayer.run(sliceCandles(candles, 0, w.oosEnd), trials[best]!.params, w.oosStart);
    const oosR = barReturns(oos.equity, w.oosStart, w.oosEnd, cash);
    progress.advance(1);

    const isReturn = isReturns[best]!;
    const oosReturn = compoundedReturn(oosR);
    const isBars = w.isEnd - w.isStart;
    const outBars = w.oosEnd - w.oosStart;
    const isAnnual = annualizedReturn(isReturn, isBars, perYear);
    stitched *= 1 + oosReturn;
    oosBars += outBars;
    isAnnualSum += isAnnual;
    segments.push({
      in_sample_start: candles.ts[w.isStart]!,
      in_sample_end: candles.ts[w.isEnd - 1]!,
      out_sample_start: candles.ts[w.oosStart]!,
      out_sample_end: candles.ts[w.oosEnd - 1]!,
      in_sample_bars: isBars,
      out_sample_bars: outBars,
      return: oosReturn,
      in_sample_return: isReturn,
      in_sample_objective: finiteOrNull(objectives[best]!),
      best_params: trials[best]!.combo,
      oos_sharpe: finiteOrNull(sharpeRatio(oosR) * Math.sqrt(perYear)),
      walk_forward_efficiency: walkForwardEfficiency(annualizedReturn(oosReturn, outBars, perYear), isAnnual),
    });
  }

  const n = segments.length;
  return {
    windows: wfo.windows,
    anchored: wfo.anchored,
    in_sample_ratio: wfo.in_sample_ratio,
    objective: wfo.objective,
    trials: trials.length,
    skipped_trials: gridSize(wfo.grid) - trials.length,
    segments,
    stitched_oos_return: stitched - 1,
    mean_in_sample_return: segments.reduce((s, g) => s + g.in_sample_return, 0) / n,
    walk_forward_efficiency: walkForwardEfficiency(
      annualizedReturn(stitched - 1, oosBars, perYear),
      isAnnualSum / n,
    ),
    profitable_segments_pct: (100 * segments.filter((g) => strictlyBetter(g.return, 0)).length) / n,
  };
}
