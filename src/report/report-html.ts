/**
 * @module report/report-html
 * report.html: one self-contained page per run. The page's code and style are bundled by `npm run build` into
 * dist/web/ and inlined here with the report's data as a JSON blob, so the file opens offline, from disk or
 * from the API, and makes no request at all (its Content-Security-Policy forbids any).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StudioError } from "../core/errors.js";
import { buildReportData, type ReportData, type ReportInputs } from "./report-data.js";
import { encodeTimes } from "./time-codec.js";

/** dist/web beside the compiled module, or the built one when running from source (tests). */
const CANDIDATES = [new URL("../web/", import.meta.url), new URL("../../dist/web/", import.meta.url)];

let assets: { js: string; css: string } | undefined;

function pageAssets(): { js: string; css: string } {
  if (assets) return assets;
  for (const dir of CANDIDATES) {
    const js = fileURLToPath(new URL("report.js", dir));
    if (!existsSync(js)) continue;
    assets = {
      // A literal "</script" would end the inline script early; "<\/" means the same to JavaScript.
      js: readFileSync(js, "utf8").replace(/<\/script/gi, "<\\/script"),
      css: readFileSync(fileURLToPath(new URL("report.css", dir)), "utf8").replace(/<\/style/gi, "<\\/style"),
    };
    return assets;
  }
  throw new StudioError(
    "INTERNAL",
    "the report page bundle dist/web/report.js is missing; run `npm run build`",
  );
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function reportHtml(data: ReportData): string {
  const { js, css } = pageAssets();
  // `<` escaped as \u003c: no value of the run can close the JSON script element. Times are delta-encoded
  // (a third of a million-bar report's bytes otherwise); the page decodes them.
  const json = JSON.stringify(encodeTimes(data)).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${escapeHtml(data.title)}</title>
<style>${css}</style>
</head>
<body>
<div class="report" id="report"></div>
<script type="application/json" id="report-data">${json}</script>
<script>${js}</script>
</body>
</html>
`;
}

/** The report of a run, from its in-memory results. */
export function renderRunReport(inputs: ReportInputs): string {
  return reportHtml(buildReportData(inputs));
}
