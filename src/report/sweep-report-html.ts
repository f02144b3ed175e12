/**
 * @module report/sweep-report-html
 * A sweep's report.html: the sweep page's bundle (dist/web/sweep-report.js) inlined with the sweep's report data,
 * self-contained and request-free like a run's report.
 */
import type { SweepOutcome } from "../sweeps/execute-sweep.js";
import type { SweepPlan } from "../sweeps/plan/sweep-plan.js";
import type { SweepSummary } from "../sweeps/sweep-summary.js";
import { pageHtml } from "./report-html.js";
import { buildSweepReportData } from "./sweep-report-data.js";

export function sweepReportHtml(
  sweepId: string,
  plan: SweepPlan,
  outcome: SweepOutcome,
  summary: SweepSummary,
): string {
  const data = buildSweepReportData(sweepId, plan, outcome, summary);
  return pageHtml("sweep-report", data.title, data);
}
