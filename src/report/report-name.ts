/**
 * @module report/report-name
 * The report's file name in a run folder, named once for the writer, the CLI and the web studio.
 */
export const REPORT_NAME = "report.html";
