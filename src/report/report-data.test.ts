import { describe, expect, it } from "vitest";
import type { Candles } from "../core/candles.js";
import {
  EXIT_REASONS,
  REASON_STOP_LOSS,
  REASON_TAKE_PROFIT,
  REASON_TRAILING_STOP,
  type RoundTrips,
} from "../core/results.js";
import { generateSynthetic } from "../data/providers/synthetic/synthetic-generator.js";
import { runBacktest } from "../engine/run-backtest.js";
import { buildReportData, FINE_CANDLES, mergeCandles } from "./report-data.js";

const H = 3_600_000;

function candles(n: number): Candles {
  const ts = Float64Array.from({ length: n }, (_, i) => i * H);
  const close = Float64Array.from({ length: n }, (_, i) => 100 + (i % 7));
  return {
    ts,
    open: Float64Array.from(close, (c) => c - 0.5),
    high: Float64Array.from(close, (c) => c + 1),
    low: Float64Array.from(close, (c) => c - 1),
    close,
    volume: new Float64Array(n),
  } as Candles;
}

function trips(): RoundTrips {
  return {
    length: 2,
    direction: Int8Array.from([1, -1]),
    entryBar: Int32Array.from([1, 5]),
    exitBar: Int32Array.from([3, 9]),
    entryTs: Float64Array.from([H, 5 * H]),
    exitTs: Float64Array.from([3 * H, 9 * H]),
    qty: Float64Array.from([10, 5]),
    entryPrice: Float64Array.from([100, 200]),
    exitPrice: Float64Array.from([95, 190]),
    pnl: Float64Array.from([-50, 50]),
    returnPct: Float64Array.from([-0.05, 0.05]),
    fees: new Float64Array(2),
    borrow: new Float64Array(2),
    exitReason: Int8Array.from([1, 2]),
  } as RoundTrips;
}

function inputs(n: number, metrics: object, exits?: object) {
  const c = candles(n);
  return {
    candles: c,
    ts: c.ts,
    equity: Float64Array.from(c.close, (x) => x * 100),
    drawdown: new Float64Array(n),
    // The long opens at 100 (bar 1), the short at 200 (bar 5).
    fills: {
      ts: Float64Array.from([H, 3 * H, 5 * H, 9 * H]),
      side: Int8Array.from([1, -1, -1, 1]),
      qty: Float64Array.from([10, 10, 5, 5]),
      price: Float64Array.from([100, 95, 200, 190]),
    },
    trades: trips(),
    exitReasonNames: EXIT_REASONS,
    metrics,
    summary: { config: { timeframe: "1h", initial_cash: 10_000, exits } },
    title: "t",
    subtitle: "s",
  };
}

describe("mergeCandles", () => {
  it("keeps the first open, the highest high, the lowest low and the last close of each group", () => {
    const c = candles(5);
    const m = mergeCandles(c, 2);
    expect(m.t).toEqual([0, 2 * H, 4 * H]);
    expect(m.o).toEqual([99.5, 101.5, 103.5]);
    expect(m.h).toEqual([102, 104, 105]);
    expect(m.l).toEqual([99, 101, 103]);
    expect(m.c).toEqual([101, 103, 104]);
  });
});

describe("buildReportData", () => {
  it("ships every bar as a candle for small runs, and two merged resolutions beyond FINE_CANDLES", () => {
    expect(buildReportData(inputs(100, {})).candles.map((l) => l.bars)).toEqual([1]);
    const big = buildReportData(inputs(FINE_CANDLES * 3, {}));
    expect(big.candles.map((l) => [l.bars, l.t.length])).toEqual([
      [30, 2000],
      [3, 20_000],
    ]);
    expect(big.series.equity.t.length, "at most 2 points per pixel column plus the ends").toBeLessThanOrEqual(
      4002,
    );
  });

  it("draws stop and target levels from fractional exits, on the side of each trade's direction", () => {
    const d = buildReportData(inputs(20, { exits_by_reason: {} }, { stop_loss: 0.1, take_profit: 0.2 }));
    const lv = d.markers.levels!;
    expect(lv.ts, "one step a trip, at its entry").toEqual([H, 5 * H]);
    expect(lv.stop).toEqual([90, 220]);
    expect(lv.target).toEqual([120, 160]);
    expect(d.trades.columns.exit_reason).toEqual(["stop_loss", "take_profit"]);
  });

  it("leaves out levels without the ATR columns they need, and the exit reason column without exits", () => {
    const d = buildReportData(inputs(20, {}, { stop_loss: { atr: 14, mult: 2 } }));
    expect(d.markers.levels).toBeUndefined();
    expect(d.trades.columns.exit_reason).toBeUndefined();
    expect(d.metrics.find(([k]) => k === "exits_by_reason")).toBeUndefined();
  });

  it("ends every stopped trip of a real run on the level it filled at (ATR stop, trailing stop, target)", () => {
    const config = {
      symbol: "LEVELS",
      timeframe: "1h" as const,
      start: "2023-01-02",
      end: "2023-03-01",
      provider: "synthetic",
      strategy: { name: "sma_crossover", params: { fast: 5, slow: 20, allow_short: true } },
      execution: { commission_bps: 0, slippage_bps: 0 },
      exits: { stop_loss: { atr: 14, mult: 3 }, take_profit: 0.03, trailing_stop: 0.015 },
      warmup: 0,
    };
    const candles = generateSynthetic({ ...config, start: Date.UTC(2023, 0, 2), end: Date.UTC(2023, 2, 1) });
    const r = runBacktest(config, { candles });
    const d = buildReportData({
      candles,
      ts: r.portfolio.ts,
      equity: r.portfolio.equity,
      drawdown: r.drawdown,
      fills: r.fills,
      trades: r.trades,
      exitReasonNames: EXIT_REASONS,
      features: r.features.columns,
      metrics: r.metrics,
      summary: { config: { ...config, exits: { ...config.exits, intrabar: "stop_first" } } },
      title: "t",
      subtitle: "s",
    });
    const lv = d.markers.levels!;
    const t = r.trades;
    let checked = 0;
    let bad = -1;
    for (let k = 0; k < t.entryTs.length && bad < 0; k++) {
      const reason = t.exitReason[k]!;
      const open = candles.open[t.exitBar[k]!]!;
      const last = lv.stop[lv.from[k + 1]! - 1];
      const filled = t.exitPrice[k]!;
      // Without slippage a stop fills at its level unless the bar opened through it (then at the open).
      if ((reason === REASON_STOP_LOSS || reason === REASON_TRAILING_STOP) && filled !== open) {
        checked++;
        if (last === undefined || Math.abs(last - filled) > 1e-6 * filled) bad = k;
      }
      if (reason === REASON_TAKE_PROFIT && filled !== open) {
        checked++;
        if (Math.abs(lv.target[k]! - filled) > 1e-6 * filled) bad = k;
      }
    }
    expect(checked, "the run has stop and target fills inside bars").toBeGreaterThan(5);
    expect(bad, `trip ${bad}: its last drawn level is the price it filled at`).toBe(-1);
  });
});
