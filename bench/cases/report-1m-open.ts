/**
 * @module bench/cases/report-1m-open
 * How long the 1M-bar report.html takes to open in a real browser (Debian's chromium through playwright-core, as
 * the browser tests drive it): from navigation to the price chart's canvas painted, and to the equity chart's
 * (drawn when near the view or when the page is idle). Issue target: about a second. Skipped, with a note, where
 * no chromium is installed.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, canvasesPainted, launchBrowser } from "../../test/browser/browser.js";
import type { BenchCase } from "../case.js";
import { summarize } from "../measure.js";
import { reportOf1mRun } from "./report-1m.js";

const RUNS = 7;

export const report1mOpen: BenchCase = {
  name: "report_1m_open",
  summary: "report.html of a 1M-bar run opened in chromium: time to the price and equity charts painted",
  async run(ctx) {
    if (!existsSync(CHROMIUM)) {
      process.stderr.write(`report_1m_open: skipped, ${CHROMIUM} is not installed\n`);
      return;
    }
    const { render } = await reportOf1mRun(ctx);
    const dir = mkdtempSync(path.join(tmpdir(), "studio-bench-report-"));
    const file = path.join(dir, "report.html");
    writeFileSync(file, render());
    const browser = await launchBrowser();
    const price: number[] = [];
    const all: number[] = [];
    try {
      // One unmeasured open first: chromium's own start-up and caches are not the report's cost.
      for (let i = 0; i <= RUNS; i++) {
        const page = await browser.newPage();
        const t0 = performance.now();
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(canvasesPainted, ["#chart-price", 1] as const, { timeout: 60_000 });
        const t1 = performance.now();
        await page.waitForFunction(canvasesPainted, ["#chart-equity", 1] as const, { timeout: 60_000 });
        const t2 = performance.now();
        await page.close();
        if (i === 0) continue;
        price.push(t1 - t0);
        all.push(t2 - t0);
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
    ctx.record(summarize("report_1m_open.price", price, { notes: "navigation to the price chart painted" }));
    ctx.record(
      summarize("report_1m_open", all, {
        notes: "navigation to the price and equity charts painted (target: about a second)",
      }),
    );
  },
};
