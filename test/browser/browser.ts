/**
 * @module test/browser/browser
 * One headless Debian chromium (installed by .ci/run with apt-get; playwright-core drives it, it never
 * downloads a browser) with a fresh profile, and a page wrapper that collects console errors, page errors and
 * failed requests, so a test can say "nothing went wrong" in one assertion.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = fileURLToPath(new URL("../../test-output/screenshots/", import.meta.url));

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), "studio-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1360, height: 900 },
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and failed requests seen so far. */
  readonly problems: string[];
}

export async function watchedPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // An event stream the page closes itself once the run has ended is aborted by design, not a failure.
    if (r.url().endsWith("/events") && r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, problems };
}

/**
 * Counts the canvases inside `selector` and those with at least one painted pixel. It runs in the page, so it is
 * self-contained and loosely typed (the tests compile without the DOM library); pass it to evaluate and
 * waitForFunction as a function, because report.html's CSP forbids evaluating strings.
 */
export function paintedCanvases(selector: string): { total: number; painted: number } {
  // biome-ignore lint/suspicious/noExplicitAny: page code, typed by the browser at run time
  const doc = (globalThis as any).document;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const canvases: any[] = Array.from(doc.querySelectorAll(`${selector} canvas`));
  let painted = 0;
  for (const c of canvases) {
    if (!c.width || !c.height) continue;
    const data: Uint8ClampedArray = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) {
      if (data[i] !== 0) {
        painted++;
        break;
      }
    }
  }
  return { total: canvases.length, painted };
}

/** True once `selector` holds at least `min` canvases with painted pixels (echarts adds empty hover layers). */
export function canvasesPainted([selector, min]: readonly [string, number]): boolean {
  // biome-ignore lint/suspicious/noExplicitAny: page code, as in paintedCanvases
  const doc = (globalThis as any).document;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const canvases: any[] = Array.from(doc.querySelectorAll(`${selector} canvas`));
  const painted = canvases.filter((c) => {
    if (!c.width || !c.height) return false;
    const data: Uint8ClampedArray = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });
  return painted.length >= min;
}

export function screenshotPath(name: string): string {
  return path.join(SCREENSHOTS, `${name}.png`);
}
