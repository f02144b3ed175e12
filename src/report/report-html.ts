/**
 * @module report/report-html
 * report.html: one self-contained page per run (and per sweep, with the sweep page's bundle). The page's code
 * and style are bundled by `npm run build` into dist/web/ and inlined here with the report's data as a JSON
 * blob, so the file opens offline, from disk or from the API, and makes no request at all (its
 * Content-Security-Policy forbids any).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StudioError } from "../core/errors.js";
import { buildReportData, type ReportData, type ReportInputs } from "./report-data.js";
import { encodeTimes } from "./time-codec.js";

/** dist/web beside the compiled module, or the built one when running from source (tests). */
const CANDIDATES = [new URL("../web/", import.meta.url), new URL("../../dist/web/", import.meta.url)];

/** The bundles a report page can be: a run's (report.js) or a sweep's (sweep-report.js). */
export type ReportBundle = "report" | "sweep-report";

const assets = new Map<ReportBundle, { js: string; css: string }>();

function pageAssets(bundle: ReportBundle): { js: string; css: string } {
  const cached = assets.get(bundle);
  if (cached) return cached;
  for (const dir of CANDIDATES) {
    const js = fileURLToPath(new URL(`${bundle}.js`, dir));
    if (!existsSync(js)) continue;
    const loaded = {
      // A literal "</script" would end the inline script early; "<\/" means the same to JavaScript.
      js: readFileSync(js, "utf8").replace(/<\/script/gi, "<\\/script"),
      css: readFileSync(fileURLToPath(new URL(`${bundle}.css`, dir)), "utf8").replace(
        /<\/style/gi,
        "<\\/style",
      ),
    };
    assets.set(bundle, loaded);
    return loaded;
  }
  throw new StudioError(
    "INTERNAL",
    `the report page bundle dist/web/${bundle}.js is missing; run \`npm run build\``,
  );
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export function reportHtml(data: ReportData): string {
  // Times are delta-encoded (a third of a million-bar report's bytes otherwise); the run page decodes them.
  return pageHtml("report", data.title, encodeTimes(data));
}

/** A report page: the bundle's script and style inlined, `data` as the JSON blob it renders. */
export function pageHtml(bundle: ReportBundle, title: string, data: unknown): string {
  const { js, css } = pageAssets(bundle);
  // `<` escaped as \u003c: no value of the run can close the JSON script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
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
