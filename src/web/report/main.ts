/**
 * @module web/report/main
 * Entry of report.html's inlined script: reads the JSON blob the writer embedded and renders it.
 */
import type { ReportData } from "../../report/report-data.js";
import { decodeTimes } from "../../report/time-codec.js";
import { renderReport } from "./render-report.js";

const blob = document.getElementById("report-data");
const root = document.getElementById("report");
if (blob && root) renderReport(root, decodeTimes(JSON.parse(blob.textContent ?? "{}")) as ReportData);
