import { describe, expect, it } from "vitest";
import { sliceCandles } from "../core/candles.js";
import { canonicalJson } from "../core/canonical-json.js";
import { ColumnWorkspace } from "../core/column-workspace.js";
import { parseRunConfigShape, type RunConfigInput } from "../core/run-config.js";
import { computeFeatures } from "../indicators/features/compute-features.js";
import { resolveIndicator } from "../indicators/features/resolve-indicator.js";
import { BUILTIN_INDICATORS } from "../indicators/registry.js";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
import { engineCatalog } from "./engine-catalog.js";
import { planBacktest } from "./plan-backtest.js";
import { createReplayer } from "./replayer.js";
import { type BacktestResult, runPlan } from "./run-plan.js";

const catalog = engineCatalog();
const long = randomWalkCandles(3000, 17);
// Another market, shorter: every column of a run on it differs from the long run's at most bars.
const short = sliceCandles(randomWalkCandles(3000, 29), 0, 1700);

const config = (strategy: RunConfigInput["strategy"], extra: Partial<RunConfigInput> = {}) =>
  parseRunConfigShape({
    symbol: "SYN",
    timeframe: "1h",
    start: 0,
    end: 1e13,
    provider: "synthetic",
    strategy,
    execution: { commission_bps: 5, slippage_bps: 3, borrow_bps: 200 },
    ...extra,
  });

const EXITS = { stop_loss: 0.02, take_profit: { atr: 14, mult: 3 }, trailing_stop: 0.01, max_bars: 40 };

/** Fills every pooled slot the next `slots` requests will get with a sentinel, as stale data from a run would be. */
function poison(workspace: ColumnWorkspace, slots: number, bytes: number): void {
  workspace.reset();
  for (let k = 0; k < slots; k++) new Uint8Array(workspace.slot(bytes).buffer).fill(0x5a);
}

/** First index where the two columns differ bit for bit (NaN equals NaN), or -1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectSameColumns(what: string, got: object, want: object): void {
  const g = got as Record<string, unknown>;
  const w = want as Record<string, unknown>;
  for (const key of Object.keys(w)) {
    const col = w[key];
    if (!ArrayBuffer.isView(col)) continue;
    const bad = firstDifference(g[key] as ArrayLike<number>, col as unknown as ArrayLike<number>);
    expect(
      bad,
      `${what}.${key}: the pooled run matches the fresh one at every index (first bad: ${bad})`,
    ).toBe(-1);
  }
}

/** Every result column and metric of `got` (through a workspace) against `want` (fresh allocation). */
function expectSameResult(got: BacktestResult, want: BacktestResult): void {
  expect(got.features.columns.map((c) => c.name)).toEqual(want.features.columns.map((c) => c.name));
  want.features.columns.forEach((c, i) => {
    expectSameColumns(`features.${c.name}`, got.features.columns[i]!, c);
  });
  expectSameColumns(
    "result",
    { signal: got.signal, equity: got.equity },
    { signal: want.signal, equity: want.equity },
  );
  expect(got.fills.length).toBe(want.fills.length);
  expectSameColumns("fills", got.fills, want.fills);
  expect(got.trades.length).toBe(want.trades.length);
  expectSameColumns("trades", got.trades, want.trades);
  // The lazily derived columns read the pooled fills: still exact while the workspace is not reset.
  const portfolio = (p: BacktestResult["portfolio"]) => ({
    positionQty: p.positionQty,
    cash: p.cash,
    marketValue: p.marketValue,
    feesCum: p.feesCum,
    pnlUnrealized: p.pnlUnrealized,
  });
  expectSameColumns("portfolio", portfolio(got.portfolio), portfolio(want.portfolio));
  expectSameColumns("result", { drawdown: got.drawdown }, { drawdown: want.drawdown });
  expect(canonicalJson(got.metrics), "metrics are byte-identical").toBe(canonicalJson(want.metrics));
  expect(got.warnings).toEqual(want.warnings);
}

describe("runPlan through a column workspace", () => {
  it("gives every column and metric of a fresh run, run after run, over stale buffers", () => {
    const runs = [
      {
        candles: long,
        config: config(
          { name: "sma_crossover", params: { fast: 5, slow: 30, allow_short: true } },
          { exits: EXITS },
        ),
      },
      // Shorter, no exits, other indicators: longer stale columns lie under every pooled one.
      { candles: short, config: config({ name: "bollinger_reversion", params: { allow_short: true } }) },
      // Longer again, with exits: the pools grow; then the first config on the short market.
      {
        candles: long,
        config: config({ name: "rsi_reversion", params: { allow_short: true } }, { exits: EXITS }),
      },
      {
        candles: short,
        config: config(
          { name: "sma_crossover", params: { fast: 5, slow: 30, allow_short: true } },
          { exits: EXITS },
        ),
      },
    ];
    const workspace = new ColumnWorkspace();
    // Stale bytes under every slot the first run takes, too.
    poison(workspace, 64, 8 * (long.ts.length + 1));
    for (const run of runs) {
      const plan = planBacktest(run.config, catalog);
      workspace.reset();
      const pooled = runPlan(plan, { candles: run.candles, workspace });
      const fresh = runPlan(plan, { candles: run.candles });
      expect(fresh.trades.length, "the run trades, so fills and trips are compared").toBeGreaterThan(5);
      expectSameResult(pooled, fresh);
    }
  });

  it("keeps warm-up and a start index exact in the replay scope", () => {
    const workspace = new ColumnWorkspace();
    const plan = planBacktest(
      config({ name: "ema_crossover", params: { fast: 4, slow: 21 } }, { exits: EXITS }),
      catalog,
    );
    for (const [candles, warmup, startIndex] of [
      [long, 200, 300],
      [short, 50, 0],
    ] as const) {
      workspace.reset();
      const pooled = runPlan(plan, { candles, warmup, startIndex, scope: "replay", workspace });
      const fresh = runPlan(plan, { candles, warmup, startIndex, scope: "replay" });
      expectSameColumns(
        "replay",
        { equity: pooled.equity, signal: pooled.signal },
        { equity: fresh.equity, signal: fresh.signal },
      );
      expectSameColumns("replay.trades", pooled.trades, fresh.trades);
    }
  });

  it("lets a replayer with warm-up history reuse its workspace from replication to replication", () => {
    const cfg = config(
      { name: "sma_crossover", params: { fast: 5, slow: 30, allow_short: true } },
      { exits: EXITS },
    );
    const history = sliceCandles(long, 0, 400);
    const joined = (series: typeof long) => {
      const cat = (a: Float64Array, b: Float64Array) => Float64Array.from([...a, ...b]);
      return {
        ts: cat(history.ts, series.ts),
        open: cat(history.open, series.open),
        high: cat(history.high, series.high),
        low: cat(history.low, series.low),
        close: cat(history.close, series.close),
        volume: cat(history.volume, series.volume),
      };
    };
    const later = (c: typeof long) => ({ ...c, ts: c.ts.map((t) => t + 1e10) });
    const replayer = createReplayer(cfg, later(short), catalog, history);
    const plan = planBacktest(cfg, catalog);
    for (const series of [
      later(sliceCandles(long, 400, 3000)),
      later(short),
      later(sliceCandles(long, 400, 1000)),
    ]) {
      const got = replayer.run(series, cfg.strategy.params, 10);
      const want = runPlan(plan, {
        candles: joined(series),
        warmup: history.ts.length,
        startIndex: 10,
        scope: "replay",
      });
      expectSameColumns("replayer", got, { equity: want.equity, tradeReturns: want.trades.returnPct });
    }
  });

  it("has every built-in indicator write every element of its pooled output columns", () => {
    const workspace = new ColumnWorkspace();
    for (const def of BUILTIN_INDICATORS) {
      const resolved = resolveIndicator({ name: def.name, params: {} }, catalog, "indicator");
      poison(workspace, 8, 8 * (short.ts.length + 1));
      workspace.reset();
      const pooled = computeFeatures([resolved], short, workspace);
      const fresh = computeFeatures([resolved], short);
      fresh.columns.forEach((c, i) => {
        expectSameColumns(`${def.name}.${c.name}`, pooled.columns[i]!, c);
      });
    }
  });
});

describe("ColumnWorkspace", () => {
  it("hands the same buffers out again after a reset, and a larger one when a run needs more", () => {
    const workspace = new ColumnWorkspace();
    const a = workspace.float64(100);
    const b = workspace.int32(10);
    workspace.reset();
    expect(workspace.float64(50).buffer, "slot 0 is reused for a shorter column").toBe(a.buffer);
    const c = workspace.int8(1000);
    expect(c.buffer, "slot 1 is too small for 1000 bytes: replaced").not.toBe(b.buffer);
    expect(c.length).toBe(1000);
    workspace.reset();
    workspace.float64(1);
    expect(workspace.uint8(1000).buffer, "the replacement is kept for the next run").toBe(c.buffer);
    expect(workspace.bytes).toBe(800 + 1000);
  });
});
