import { describe, expect, it } from "vitest";
import type { Candles } from "../core/candles.js";
import { EXIT_REASONS, type RoundTrips } from "../core/results.js";
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
    fills: { ts: new Float64Array(0), side: new Int8Array(0), price: new Float64Array(0) },
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
    expect(d.markers.stop).toEqual([90, 220]);
    expect(d.markers.target).toEqual([120, 160]);
    expect(d.trades.columns.exit_reason).toEqual(["stop_loss", "take_profit"]);
  });

  it("leaves out levels for ATR distances and the exit reason column for runs without exits", () => {
    const d = buildReportData(inputs(20, {}, { stop_loss: { atr: 14, mult: 2 } }));
    expect(d.markers.stop).toBeUndefined();
    expect(d.trades.columns.exit_reason).toBeUndefined();
    expect(d.metrics.find(([k]) => k === "exits_by_reason")).toBeUndefined();
  });
});
