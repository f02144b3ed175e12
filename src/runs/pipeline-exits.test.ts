import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Metrics } from "../core/results.js";
import { EXIT_REASONS } from "../core/results.js";
import { resolveHome } from "../store/home.js";
import { decodeParquet } from "../store/parquet/parquet.js";
import { builtinCatalog } from "./builtin-catalog.js";
import { parseRunConfig } from "./parse-config.js";
import { runPipeline } from "./pipeline.js";
import { runDir } from "./run-paths.js";
import { Studio } from "./studio.js";

const base = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2021-12-31",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20, allow_short: true } },
};
const exits = { stop_loss: 0.02, take_profit: { atr: 14, mult: 3 }, trailing_stop: 0.03, max_bars: 10 };

const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-exits-")));
const studio = Studio.open({
  home,
  parseConfig: (input) => parseRunConfig(input, builtinCatalog()),
  pipeline: (ctx) => runPipeline(ctx, builtinCatalog()),
});
afterAll(() => studio.close());

async function completed(config: unknown) {
  const { run } = studio.submit(config);
  const done = await studio.waitFor(run.run_id);
  expect(done.status, JSON.stringify(done)).toBe("completed");
  const dir = runDir(home, run.run_id);
  const read = async (name: string) => (await decodeParquet(readFileSync(path.join(dir, name)))).columns;
  return {
    hash: done.hash,
    summary: JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")),
    metrics: JSON.parse(readFileSync(path.join(dir, "metrics.json"), "utf8")) as Metrics,
    trades: await read("trades.parquet"),
    trips: await read("round_trips.parquet"),
    features: await read("features.parquet"),
  };
}

describe("a run with exits, end to end", () => {
  it("writes the exits into summary.json, the reasons into the Parquet files and the counts into metrics", async () => {
    const r = await completed({
      ...base,
      exits,
      validation: { permutation: { n: 3 }, monte_carlo: { n: 20 } },
    });
    expect(r.summary.config.exits, "the parsed block, intrabar defaulted").toEqual({
      ...exits,
      intrabar: "stop_first",
    });
    const reasons = r.trades.reason as string[];
    expect(new Set(reasons).size, "several kinds of fill").toBeGreaterThan(2);
    expect(reasons.every((x) => (EXIT_REASONS as readonly string[]).includes(x))).toBe(true);
    const exitReasons = r.trips.exit_reason as string[];
    const counted = Object.fromEntries(
      EXIT_REASONS.map((x) => [x, exitReasons.filter((y) => y === x).length]),
    );
    expect(r.metrics.exits_by_reason, "metrics count the round trips' exit reasons").toEqual(counted);
    expect(reasons.filter((x) => x !== "signal").length, "every exit fill closes one trip").toBe(
      exitReasons.filter((x) => x !== "signal").length,
    );
    expect(Object.keys(r.features), "the ATR the target reads is a feature").toContain("atr_14");
  });

  it("hashes the exits with the config; a run without them has only signal fills", async () => {
    const withExits = await completed({ ...base, exits: { max_bars: 5 } });
    const plain = await completed(base);
    expect(withExits.hash).not.toBe(plain.hash);
    expect(plain.summary.config.exits, "no block, no key").toBeUndefined();
    expect(new Set(plain.trades.reason as string[])).toEqual(new Set(["signal"]));
    expect(
      Object.keys(plain.metrics),
      "metrics.json without exits has the fields it always had",
    ).not.toContain("exits_by_reason");
    expect(withExits.metrics.exits_by_reason?.time_exit, "held at most 5 bars").toBeGreaterThan(0);
  });
});
