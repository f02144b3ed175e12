/**
 * @module report/report-inputs
 * What the report needs from a run's artifacts, picked in one place so the artifact writer's call stays one line.
 */
import { EXIT_REASONS } from "../core/results.js";
import type { RunArtifacts } from "../runs/artifacts/write-artifacts.js";
import type { ReportInputs } from "./report-data.js";

export function reportInputs(a: RunArtifacts): ReportInputs {
  return {
    candles: a.candles,
    ts: a.portfolio.ts,
    equity: a.portfolio.equity,
    drawdown: a.drawdown,
    fills: a.fills,
    trades: a.trades,
    exitReasonNames: EXIT_REASONS,
    features: a.features,
    metrics: a.metrics,
    validation: a.validation,
    summary: a.summary,
    title: a.plotTitle,
    subtitle: a.plotSubtitle,
  };
}
