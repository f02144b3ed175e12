/**
 * @module web/sweep-report/main
 * Entry of a sweep's report.html inlined script: reads the JSON blob the writer embedded and renders it.
 */
import type { SweepReportData } from "../../report/sweep-report-data.js";
import { renderSweepReport } from "./render-sweep-report.js";

const blob = document.getElementById("report-data");
const root = document.getElementById("report");
if (blob && root) renderSweepReport(root, JSON.parse(blob.textContent ?? "{}") as SweepReportData);
