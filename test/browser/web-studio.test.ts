/**
 * The web studio and report.html in a real browser (Debian's chromium through playwright-core) against a real
 * server on loopback: a run submitted through the form, its progress followed to the end, its report's charts
 * painted, two runs compared, a sweep followed in the sweeps list and its page and report opened. Every page is
 * screenshotted into test-output/screenshots/. One browser for the whole file, and runs of a few thousand bars,
 * keep it to seconds.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../src/http/test-support/api-client.js";
import { startTestServer, type TestServer } from "../../src/http/test-support/start-test-server.js";
import { plainNumber } from "../../src/report/format-metric.js";
import { canvasesPainted, launchBrowser, paintedCanvases, screenshotPath, watchedPage } from "./browser.js";

let t: TestServer;
let browser: BrowserContext;

beforeAll(async () => {
  [t, browser] = await Promise.all([startTestServer(), launchBrowser()]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Records every value a <progress> element is given, before the page replaces the element. */
const RECORD_PROGRESS = `(() => {
  const d = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, "value");
  window.__progress = [];
  Object.defineProperty(HTMLProgressElement.prototype, "value", {
    get() { return d.get.call(this); },
    set(v) { window.__progress.push(Number(v)); d.set.call(this, v); },
  });
})()`;

/** A 3 x 3 grid on a few months of synthetic bars: seconds, with a holdout and one top run. */
const SWEEP_SPEC = {
  base: {
    symbol: "SWEEP",
    timeframe: "1h",
    start: "2023-01-02",
    end: "2023-06-30",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: {} },
  },
  space: { "strategy.params.fast": [5, 10, 20], "strategy.params.slow": [30, 60, 90] },
  holdout: 0.25,
  top_k: 1,
  pbo_partitions: 8,
  seed: 1,
};

async function completedSweepId(spec: object): Promise<string> {
  const posted = await call(t.url, "POST", "/api/sweeps", spec);
  expect(posted.status, JSON.stringify(posted.body)).toBe(201);
  const id: string = posted.body.sweep.sweep_id;
  for (let i = 0; i < 600; i++) {
    const s = (await call(t.url, "GET", `/api/sweeps/${id}`)).body;
    if (s.status === "completed") return id;
    expect(["queued", "running"], `sweep ${id} ended ${s.status}`).toContain(s.status);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sweep ${id} did not complete`);
}

async function completedRunId(fast: number, validation?: object, exits?: object): Promise<string> {
  const cfg = {
    ...(validation ? { validation } : {}),
    ...(exits ? { exits } : {}),
    symbol: "WEB",
    timeframe: "1h",
    start: "2023-01-02",
    end: "2023-04-30",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: { fast, slow: 30 } },
  };
  const res = await call(t.url, "POST", "/api/runs", cfg);
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  const id: string = res.body.run.run_id;
  for (let i = 0; i < 600; i++) {
    const run = (await call(t.url, "GET", `/api/runs/${id}`)).body;
    if (run.status === "completed") return id;
    expect(["queued", "running"], `run ${id} ended ${run.status}: ${run.error_message}`).toContain(
      run.status,
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${id} did not complete`);
}

describe("web studio in chromium", () => {
  it("submits a run through the form, follows its progress to the end and shows its report", async () => {
    const { page, problems } = await watchedPage(browser);
    await page.addInitScript(RECORD_PROGRESS);
    await page.goto(`${t.url}/#/new`);
    await page.getByLabel("symbol", { exact: true }).fill("FORM");
    await page.getByLabel("end (UTC)").fill("2023-05-31");
    await page.getByLabel("fast", { exact: true }).fill("8");
    await page.getByLabel("permutation n").fill("30");
    await page.getByLabel("block bootstrap n").fill("50");
    await page.getByLabel("Monte Carlo n").fill("50");
    await page.getByLabel("stop loss").fill("0.03");
    const sent = JSON.parse(await page.locator("#config-json").inputValue());
    expect(sent.strategy, "the JSON editor shows the config the form makes").toEqual({
      name: "sma_crossover",
      params: { fast: 8, slow: 50, allow_short: false },
    });
    await page.screenshot({ path: screenshotPath("new-run"), fullPage: true });
    await page.getByRole("button", { name: "Run" }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const frame = page.frameLocator("#report-frame");
    await frame.locator("#chart-price canvas").first().waitFor({ timeout: 60_000 });
    expect(await page.locator("#run-status").textContent()).toBe("completed");
    const seen = (await page.evaluate("window.__progress")) as number[];
    expect(Math.max(...seen, 0), `progress values seen: ${seen.join(", ")}`).toBe(1);
    const frameEl = await page.locator("#report-frame").elementHandle();
    const report = (await frameEl!.contentFrame())!;
    await report.waitForFunction(canvasesPainted, ["#report", 3] as const, {
      timeout: 20_000,
    });
    const charts = await report.locator(".chart").count();
    const canvases = await report.evaluate(paintedCanvases, "#report");
    expect(canvases.painted, "price, equity, validation intervals: each chart painted its canvas").toBe(
      charts,
    );
    expect(await report.locator("#trades tbody tr").count()).toBeGreaterThan(0);
    expect(await report.locator("#validation").textContent()).toContain("permutation p-value");
    expect(sent.exits, "exits from the form").toEqual({ stop_loss: 0.03 });
    expect(
      await report.locator("#trades thead").textContent(),
      "runs with exits show why each trade closed",
    ).toContain("exit reason");
    await page.screenshot({ path: screenshotPath("run") });
    await page.goto(`${t.url}/#/`);
    await page.locator("#runs-table tbody tr").first().waitFor();
    expect(await page.locator("#runs-table").textContent()).toContain("sma_crossover(fast=8, slow=50");
    expect(problems).toEqual([]);
  }, 90_000);

  it("opens report.html on its own and sorts its trades table", async () => {
    const id = await completedRunId(5, {
      permutation: { n: 30 },
      block_bootstrap: { n: 50 },
      monte_carlo: { n: 50 },
      wfo: { windows: 3, grid: { fast: [4, 5, 6], slow: [30, 40] } },
    });
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${t.url}/api/runs/${id}/artifacts/report.html`);
    await page.waitForFunction(canvasesPainted, ["#report", 4] as const, { timeout: 20_000 });
    const header = page.locator("#trades thead th", { hasText: "P&L" });
    await header.click();
    await header.click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const pnl = await page.locator("#trades tbody tr td:nth-child(7)").allTextContents();
    const values = pnl.map(Number);
    const bad = values.findIndex((v, i) => i > 0 && v > values[i - 1]!);
    expect(bad, `P&L sorted descending, first break at row ${bad}`).toBe(-1);
    await page.screenshot({ path: screenshotPath("report"), fullPage: true });
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page.screenshot({ path: screenshotPath("report-top") });
    expect(await page.locator("#validation").textContent()).toContain("probability of backtest overfitting");
    expect(problems).toEqual([]);
  }, 60_000);

  it("draws the permutation and bootstrap histograms, the Monte Carlo fan and every trade's stop and target levels", async () => {
    const id = await completedRunId(
      5,
      { permutation: { n: 40 }, block_bootstrap: { n: 80 }, monte_carlo: { n: 60 } },
      { stop_loss: { atr: 14, mult: 3 }, take_profit: 0.03, trailing_stop: 0.015 },
    );
    const stored = (await call(t.url, "GET", `/api/runs/${id}/artifacts/validation_summary.json`)).body;
    const counts: number[] = stored.permutation.histogram.counts;
    expect(
      counts.reduce((a, b) => a + b, 0) + stored.permutation.histogram.non_finite,
      "the stored histogram holds every permutation",
    ).toBe(40);
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${t.url}/api/runs/${id}/artifacts/report.html`);
    const perm = page.locator("#chart-permutation");
    await perm.scrollIntoViewIfNeeded();
    await page.waitForFunction(canvasesPainted, ["#chart-permutation", 1] as const, { timeout: 20_000 });
    await page.waitForFunction(canvasesPainted, ["#chart-bootstrap", 1] as const, { timeout: 20_000 });
    expect(
      Number(await perm.getAttribute("data-observed")),
      "the observed return drawn is the stored one",
    ).toBe(stored.permutation.observed_return);
    expect(Number(await perm.getAttribute("data-p-value")), "the p-value shown is the stored one").toBe(
      stored.permutation.p_value,
    );
    const caption = await page.locator("#permutation-caption").textContent();
    expect(caption).toContain(`p-value ${plainNumber(stored.permutation.p_value)}`);
    const fan = stored.monte_carlo.fan;
    expect(fan.trades.length, "the stored fan starts at 0 trades, then one point per checkpoint").toBe(
      Math.min(stored.monte_carlo.trades, 50) + 1,
    );
    await page.locator("#chart-fan").scrollIntoViewIfNeeded();
    await page.waitForFunction(canvasesPainted, ["#chart-fan", 1] as const, { timeout: 20_000 });
    expect(Number(await page.locator("#chart-fan").getAttribute("data-points"))).toBe(fan.trades.length);
    expect(
      await page.locator("#fan-caption").textContent(),
      "the caption names the stored median final equity",
    ).toContain(`ending at ${plainNumber(fan.p50.at(-1))}`);
    await page.locator("#validation").screenshot({ path: screenshotPath("report-validation") });

    const price = page.locator("#chart-price");
    await price.scrollIntoViewIfNeeded();
    await page.waitForFunction(canvasesPainted, ["#chart-price", 1] as const, { timeout: 20_000 });
    const stops = Number(await price.getAttribute("data-stop-points"));
    const targets = Number(await price.getAttribute("data-target-points"));
    expect(stops, "stop steps drawn in the whole-run view").toBeGreaterThan(0);
    expect(targets, "target segments drawn in the whole-run view").toBeGreaterThan(0);
    // Zoomed into the middle, fewer trades, still their levels.
    const box = (await price.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await expect
      .poll(async () => Number(await price.getAttribute("data-stop-points")), { timeout: 10_000 })
      .toBeLessThan(stops);
    expect(Number(await price.getAttribute("data-stop-points"))).toBeGreaterThan(0);
    await page.mouse.move(box.x + box.width / 2, box.y - 40);
    await price.screenshot({ path: screenshotPath("report-levels") });
    expect(problems).toEqual([]);
  }, 60_000);

  it("compares two runs: equity overlaid, metrics side by side, the config diff", async () => {
    const [a, b] = [await completedRunId(6), await completedRunId(12)];
    const { page, problems } = await watchedPage(browser);
    // A slower run, so the list shows a live progress bar that then turns into the run's metrics.
    const slow = await call(t.url, "POST", "/api/runs", {
      symbol: "LIVE",
      timeframe: "1h",
      start: "2023-01-02",
      end: "2023-06-30",
      provider: "synthetic",
      strategy: { name: "sma_crossover", params: { fast: 10, slow: 40 } },
      validation: { permutation: { n: 400 } },
    });
    const slowId: string = slow.body.run.run_id;
    await page.goto(`${t.url}/#/`);
    const row = page.locator(`tr[data-run-id="${slowId}"]`);
    await row.waitFor();
    await page.locator(`tr[data-run-id="${a}"] input[type=checkbox]`).check();
    await page.locator(`tr[data-run-id="${b}"] input[type=checkbox]`).check();
    if ((await row.locator("progress").count()) > 0)
      await page.screenshot({
        path: screenshotPath("studio-live"),
        clip: { x: 0, y: 0, width: 1360, height: 420 },
      });
    await row.locator(".status.completed").waitFor({ timeout: 60_000 });
    expect(await row.textContent(), "the finished run's metrics replace its progress bar").toMatch(
      /\d+\.\d\d%/,
    );
    await page.screenshot({ path: screenshotPath("studio"), clip: { x: 0, y: 0, width: 1360, height: 420 } });
    await page.getByRole("button", { name: "Compare selected" }).click();
    await page.waitForFunction(canvasesPainted, ["#chart-compare", 1] as const, {
      timeout: 20_000,
    });
    expect(await page.locator("#compare-metrics").textContent()).toContain("total_return");
    const diff = await page.locator("#config-diff").textContent();
    expect(diff).toContain("strategy.params.fast");
    await page.screenshot({ path: screenshotPath("compare"), fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);

  it("filters the runs list, and cancels then deletes a run from its page", async () => {
    const { page, problems } = await watchedPage(browser);
    const slow = await call(t.url, "POST", "/api/runs", {
      symbol: "CANCEL",
      timeframe: "1h",
      start: "2023-01-02",
      end: "2023-12-29",
      provider: "synthetic",
      strategy: { name: "sma_crossover", params: { fast: 7, slow: 40 } },
      validation: { permutation: { n: 5000 } },
    });
    const id: string = slow.body.run.run_id;
    await page.goto(`${t.url}/#/`);
    await page.getByLabel("filter runs").fill("CANCEL");
    await expect.poll(() => page.locator("#runs-table tbody tr").count()).toBe(1);
    await page.goto(`${t.url}/#/runs/${id}`);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator("#run-status", { hasText: "cancelled" }).waitFor({ timeout: 30_000 });
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Delete" }).click();
    await page.waitForURL(/#\/$/);
    expect((await call(t.url, "GET", `/api/runs/${id}`)).status, "the deleted run is gone").toBe(404);
    expect(problems.filter((p) => !p.includes(`/api/runs/${id}`))).toEqual([]);
  }, 60_000);

  it("follows a sweep in the sweeps list to the end, then opens its page: top run, heatmap, trials table", async () => {
    const id = await completedSweepId(SWEEP_SPEC);
    const { page, problems } = await watchedPage(browser);
    await page.addInitScript(RECORD_PROGRESS);
    // The list as read while the sweep ran: the page follows its event stream, which this server replays from
    // the first progress event to the end, so the live path is exercised without racing a real sweep.
    await page.route(`${t.url}/api/sweeps`, async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      for (const s of body.sweeps)
        if (s.sweep_id === id) Object.assign(s, { status: "running", stage: "trials", best_objective: null });
      await route.fulfill({ response, json: body });
      await page.unroute(`${t.url}/api/sweeps`);
    });
    await page.goto(`${t.url}/#/`);
    await page.getByRole("link", { name: "Sweeps", exact: true }).click();
    await page.waitForURL(/#\/sweeps$/);
    const row = page.locator(`tr[data-sweep-id="${id}"]`);
    await row.waitFor();
    await row.locator(".status.completed").waitFor({ timeout: 60_000 });
    expect(await row.textContent(), "the finished sweep shows all 9 trials and its best objective").toMatch(
      /9 \/ 9 trials\s*-?\d/,
    );
    const seen = (await page.evaluate("window.__progress")) as number[];
    expect(seen.at(-1), `the bar counted trials to the end: ${seen.join(", ")}`).toBe(9);
    await page.screenshot({ path: screenshotPath("sweeps"), clip: { x: 0, y: 0, width: 1360, height: 360 } });

    await row.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`#/sweeps/${id}$`));
    await page.locator("#top-runs tbody tr").first().waitFor();
    expect(await page.locator("#top-runs tbody tr").count(), "top_k = 1 run, linked to its page").toBe(1);
    expect(await page.locator("#sweep-artifacts").textContent()).toContain("report.html");
    const frameEl = await page.locator("#sweep-report-frame").elementHandle();
    const report = (await frameEl!.contentFrame())!;
    await report.waitForFunction(canvasesPainted, [".heatmap-chart", 1] as const, { timeout: 20_000 });
    expect(await report.locator(".heatmap-chart").count(), "one heatmap for fast x slow").toBe(1);
    expect(await report.locator("#trials tbody tr").count()).toBe(9);
    expect(await report.locator("#sweep-statistics").textContent()).toContain("deflated Sharpe ratio");
    expect(await report.locator("#best-holdout").textContent()).toContain("holdout");
    await page.screenshot({ path: screenshotPath("sweep"), fullPage: true });
    await page.locator("#top-runs a").first().click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    await page.locator("#run-status").waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it("opens a sweep's report.html from disk without a single request; it is listed in the manifest", async () => {
    const id = await completedSweepId({ ...SWEEP_SPEC, top_k: 0, seed: 2 });
    const dir = path.join(t.home.root, "sweeps", id);
    const file = path.join(dir, "report.html");
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    const listed = manifest.files.find((f: { name: string }) => f.name === "report.html");
    expect(listed?.sha256, "report.html is in the manifest with its sha256").toBe(
      createHash("sha256").update(readFileSync(file)).digest("hex"),
    );
    const { page, problems } = await watchedPage(browser);
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url);
    await page.waitForFunction(canvasesPainted, [".heatmap-chart", 1] as const, { timeout: 20_000 });
    const objective = page.locator("#trials thead th", { hasText: "objective" });
    await objective.click();
    expect(await objective.getAttribute("aria-sort"), "the table starts best first; a click reverses").toBe(
      "ascending",
    );
    await page.getByLabel("Filter trials").fill("fast=5");
    await expect.poll(() => page.locator("#trials tbody tr").count()).toBe(3);
    expect(await page.locator("#trials-count").textContent()).toBe("3 of 9 trials");
    await page.getByLabel("Filter trials").fill("");
    await page.getByLabel("Filter trials").blur();
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page.screenshot({ path: screenshotPath("sweep-report"), fullPage: true });
    await page.evaluate(() =>
      (
        globalThis as unknown as { document: { getElementById(id: string): { scrollIntoView(): void } } }
      ).document
        .getElementById("statistics")
        .scrollIntoView(),
    );
    await page.screenshot({ path: screenshotPath("sweep-report-statistics") });
    expect(requests, "report.html loads nothing").toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
