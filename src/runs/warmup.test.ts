/**
 * Warm-up history end to end (real pipeline, CSV file, SQLite, run folder): a few weeks of daily bars with years
 * of history in the file trade from `start` when the run loads warm-up bars, and fail as before with `warmup: 0`.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type HomePaths, resolveHome } from "../store/home.js";
import { decodeParquet } from "../store/parquet/parquet.js";
import { openStudio } from "./open-studio.js";
import { runDir } from "./run-paths.js";
import type { Studio } from "./studio.js";

const DAY = 86_400_000;
const START = Date.parse("2023-01-02T00:00:00Z");
const TURN = Date.parse("2022-11-15T00:00:00Z");

/** Weekday closes falling 0.5 a day until TURN, then rising 1 a day: the 5/20 averages cross up in late November. */
function historyCsv(from: string, to = "2023-02-28"): string {
  const rows = ["date,open,high,low,close,volume"];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const days = (t - TURN) / DAY;
    const close = days < 0 ? 100 - 0.5 * days : 100 + days;
    const open = close - 0.2;
    rows.push(`${new Date(t).toISOString().slice(0, 10)},${open},${close + 0.5},${open - 0.5},${close},1000`);
  }
  return `${rows.join("\n")}\n`;
}

const open: Studio[] = [];
function studioWith(csv: string): { s: Studio; home: HomePaths } {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-warmup-")));
  mkdirSync(home.data, { recursive: true });
  writeFileSync(path.join(home.data, "HIST.csv"), csv);
  const s = openStudio(home, {}, {});
  open.push(s);
  return { s, home };
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

const config = (warmup: unknown) => ({
  symbol: "HIST",
  timeframe: "1d",
  start: "2023-01-02",
  end: "2023-01-20",
  provider: "csv",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
  ...(warmup === undefined ? {} : { warmup }),
});

async function runOf(s: Studio, home: HomePaths, cfg: object) {
  const { run } = s.submit(cfg);
  const done = await s.waitFor(run.run_id);
  if (done.status !== "completed") return { done, summary: undefined, fills: undefined, equity: undefined };
  const dir = runDir(home, run.run_id);
  const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8"));
  const fills = (await decodeParquet(readFileSync(path.join(dir, "trades.parquet")))).columns;
  const equity = (await decodeParquet(readFileSync(path.join(dir, "equity.parquet")))).columns;
  return { done, summary, fills, equity };
}

describe("warm-up history", () => {
  it("with warmup 0 behaves as before: three weeks of 1d bars are too few for a 20-day average", async () => {
    const { s, home } = studioWith(historyCsv("2021-01-04"));
    const { done } = await runOf(s, home, config(0));
    expect(done.status).toBe("failed");
    expect(done.error_code).toBe("INSUFFICIENT_DATA");
    expect(done.error_message).toMatch(/the range has 15 1d bars; sma_crossover needs more than 21/);
  });

  it('with "auto" (the default) loads 20 bars before start, defines the features there and starts every artifact at start', async () => {
    const { s, home } = studioWith(historyCsv("2021-01-04"));
    const { done, summary, equity } = await runOf(s, home, config(undefined));
    expect(done.status, done.error_message ?? "").toBe("completed");
    expect(summary.config.warmup).toBe("auto");
    expect(summary.data).toMatchObject({ bars: 15, warmup_bars: 20, first_ts: START });
    expect(Array.from(equity!.ts_utc as Float64Array)[0], "equity starts at start").toBe(START);
    expect((equity!.equity as Float64Array).length).toBe(15);
    expect(summary.warnings.join("\n")).not.toMatch(/warm-up/);
  });

  it("trades at start when the warm-up saw the signal: the cross of late November holds a long into 2023-01-02", async () => {
    const { s, home } = studioWith(historyCsv("2021-01-04"));
    const { done, fills, summary } = await runOf(s, home, config(60));
    expect(done.status, done.error_message ?? "").toBe("completed");
    expect(summary.data.warmup_bars).toBe(60);
    const ts = Array.from(fills!.ts_utc as Float64Array);
    expect(ts[0], "the first fill is at the open of the first bar of the run").toBe(START);
    expect(done.metrics_summary?.total_return as number, "rising prices: the long gains").toBeGreaterThan(0);
  });

  it("uses the history there is and says so when the file starts too late", async () => {
    const { s, home } = studioWith(historyCsv("2022-11-01"));
    const { done, summary } = await runOf(s, home, config(60));
    expect(done.status, done.error_message ?? "").toBe("completed");
    expect(summary.data.warmup_bars).toBe(44);
    expect(summary.warnings).toContain(
      "warm-up: csv has 44 bar(s) before start (2023-01-02T00:00:00.000Z) of the 60 asked for; indicators are undefined for the first bars of the run",
    );
  });
});
