import { describe, expect, it } from "vitest";
import { StudioError } from "../core/errors.js";
import { computeMetrics, type MetricsInput } from "./compute-metrics.js";
import { candlesOf, fillsOf, portfolioOf, tradesOf } from "./test-support/run-results.js";
import { dailyTs, T0 } from "./test-support/series.js";

/**
 * Six daily bars, 1000 cash, two long round trips of 5 units, no costs:
 *   open  [100, 101, 104,  99, 100, 107]     close [101, 104, 100, 98, 105, 108]
 *   bar 1 buy 5 @ 101 (cash 495)   bar 3 sell 5 @ 99 (cash 990): pnl 5 x (99 - 101) = -10, return -10/1000
 *   bar 4 buy 5 @ 100 (cash 490)   bar 5 sell 5 @ 107 (cash 1025): pnl 5 x 7 = 35, return 35/990
 *   equity = [1000, 495 + 5x104, 495 + 5x100, 990, 490 + 5x105, 1025] = [1000, 1015, 995, 990, 1015, 1025]
 *   returns = [0, 15/1000, -20/1015, -5/995, 25/990, 10/1015]
 */
function handRun(): MetricsInput {
  const ts = dailyTs(6);
  return {
    candles: candlesOf(ts, [100, 101, 104, 99, 100, 107], [101, 104, 100, 98, 105, 108]),
    portfolio: portfolioOf(ts, [1000, 1015, 995, 990, 1015, 1025], [0, 5, 5, 0, 5, 0]),
    fills: fillsOf([
      { bar: 1, side: 1, qty: 5, price: 101 },
      { bar: 3, side: -1, qty: 5, price: 99 },
      { bar: 4, side: 1, qty: 5, price: 100 },
      { bar: 5, side: -1, qty: 5, price: 107 },
    ]),
    trades: tradesOf([
      { entryBar: 1, exitBar: 3, pnl: -10, returnPct: -10 / 1000 },
      { entryBar: 4, exitBar: 5, pnl: 35, returnPct: 35 / 990 },
    ]),
    initialCash: 1000,
  };
}

describe("computeMetrics", () => {
  it("takes the exposed bars from a count without reading the position column", () => {
    const run = handRun();
    const portfolio = { ...run.portfolio };
    Object.defineProperty(portfolio, "positionQty", {
      get: () => {
        throw new Error("positionQty must not be read when exposedBars is given");
      },
    });
    const m = computeMetrics({ ...run, portfolio, exposedBars: 3 });
    expect(m.exposure_pct, "3 of 6 bars").toBe(50);
    expect(m, "every other metric as when counting from the column").toEqual(computeMetrics(run));
  });

  it("reproduces every metric of a hand-worked run", () => {
    const m = computeMetrics(handRun());
    expect(m.total_return, "1025 / 1000 - 1").toBeCloseTo(0.025, 14);
    // years = 5 / 365.25; (1.025)^(365.25 / 5) - 1 = 1.025^73.05 - 1
    expect(m.cagr).toBeCloseTo(5.072651619055291, 10);
    // mean r = 0.0042291971, stdev (ddof 1) = 0.0159119838, bars per year = 5 / (5/365.25) = 365.25
    expect(m.volatility, "0.0159119838 x sqrt(365.25)").toBeCloseTo(0.30410211477772775, 12);
    expect(m.sharpe, "0.0042291971 / 0.0159119838 x sqrt(365.25)").toBeCloseTo(5.079590645669062, 10);
    // downside = sqrt(((20/1015)^2 + (5/995)^2) / 6) = 0.0083017728
    expect(m.sortino, "0.0042291971 / 0.0083017728 x sqrt(365.25)").toBeCloseTo(9.736036661621029, 10);
    // one episode: peak 1015 (bar 1), trough 990 (bar 3), regained at bar 4
    expect(m.max_drawdown, "990 / 1015 - 1").toBeCloseTo(-25 / 1015, 14);
    expect(m.avg_drawdown, "the only episode's trough").toBeCloseTo(-25 / 1015, 14);
    expect(m.max_drawdown_duration_bars, "bar 4 - bar 1").toBe(3);
    expect(m.trade_count).toBe(2);
    expect(m.win_rate, "1 win of 2").toBe(0.5);
    expect(m.payoff_ratio, "35 / |-10|").toBe(3.5);
    // notional 505 + 495 + 500 + 535 = 2035; mean equity 6040 / 6; 2035 x 6 / 6040
    expect(m.turnover).toBeCloseTo(12210 / 6040, 14);
    expect(m.exposure_pct, "3 of 6 bars hold 5 units").toBe(50);
    expect(m.start_ts).toBe(T0);
    expect(m.end_ts, "the last bar's open time").toBe(T0 + 5 * 86_400_000);
    expect(m.calmar, "5.0726516 / (25 / 1015)").toBeCloseTo(205.94965573364482, 8);
    expect(m.profit_factor, "35 / 10").toBe(3.5);
    expect(m.expectancy, "(-0.01 + 35/990) / 2").toBeCloseTo(0.012676767676767675, 14);
    // pnl -10, 35: mean 12.5, stdev 22.5 sqrt(2); sqrt(2) x 12.5 / (22.5 sqrt(2)) = 5/9
    expect(m.sqn).toBeCloseTo(5 / 9, 14);
    expect(m.best_trade).toBeCloseTo(35 / 990, 15);
    expect(m.worst_trade).toBeCloseTo(-0.01, 15);
    expect(m.avg_trade_duration_bars, "((3 - 1) + (5 - 4)) / 2").toBe(1.5);
    expect(m.buy_and_hold_return, "108 / 100 - 1").toBeCloseTo(0.08, 14);
    expect(m.fill_count).toBe(4);
  });

  it("reads only the first `length` rows of fills and trades held in larger buffers", () => {
    const run = handRun();
    const fills = fillsOf(
      [0, 1, 2, 3].map((i) => ({
        bar: run.fills.barIndex[i]!,
        side: run.fills.side[i]! as 1 | -1,
        qty: run.fills.qty[i]!,
        price: run.fills.price[i]!,
      })),
      16,
    );
    const trades = tradesOf(
      [
        { entryBar: 1, exitBar: 3, pnl: -10, returnPct: -0.01 },
        { entryBar: 4, exitBar: 5, pnl: 35, returnPct: 35 / 990 },
      ],
      16,
    );
    expect(computeMetrics({ ...run, fills, trades }), "the junk rows past length are ignored").toEqual(
      computeMetrics(run),
    );
  });

  it("gives zeros and nulls for a run that never trades", () => {
    const ts = dailyTs(4);
    const m = computeMetrics({
      candles: candlesOf(ts, [10, 11, 12, 13], [11, 12, 13, 14]),
      portfolio: portfolioOf(ts, [500, 500, 500, 500], [0, 0, 0, 0]),
      fills: fillsOf([]),
      trades: tradesOf([]),
      initialCash: 500,
    });
    expect(m).toMatchObject({ total_return: 0, cagr: 0, volatility: 0, max_drawdown: 0, avg_drawdown: 0 });
    expect(m).toMatchObject({ max_drawdown_duration_bars: 0, trade_count: 0, turnover: 0, exposure_pct: 0 });
    expect(m.fill_count).toBe(0);
    expect(m.buy_and_hold_return, "14 / 10 - 1").toBeCloseTo(0.4, 14);
    for (const key of ["sharpe", "sortino", "calmar", "win_rate", "payoff_ratio", "profit_factor"] as const) {
      expect(m[key], `${key} is undefined without variance, losses or trades`).toBeNull();
    }
    for (const key of [
      "expectancy",
      "sqn",
      "best_trade",
      "worst_trade",
      "avg_trade_duration_bars",
    ] as const) {
      expect(m[key], `${key} is undefined without trades`).toBeNull();
    }
  });

  it("annualizes nothing for a one-bar run", () => {
    const ts = dailyTs(1);
    const m = computeMetrics({
      candles: candlesOf(ts, [100], [90]),
      portfolio: portfolioOf(ts, [90], [1]),
      fills: fillsOf([{ bar: 0, side: 1, qty: 1, price: 100 }]),
      trades: tradesOf([]),
      initialCash: 100,
    });
    expect(m.total_return, "90 / 100 - 1").toBeCloseTo(-0.1, 15);
    expect([m.cagr, m.volatility, m.sharpe, m.sortino, m.calmar], "one bar spans no time").toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(m.start_ts).toBe(m.end_ts);
    expect(m.max_drawdown, "equity[0] is the first peak").toBe(0);
    expect(m.turnover, "100 notional / mean equity 90").toBeCloseTo(100 / 90, 14);
  });

  it("gives buy-and-hold at fraction 1 and zero costs a total return equal to buy_and_hold_return", () => {
    const ts = dailyTs(5);
    const open = [50, 52, 49, 55, 60];
    const close = [51, 48, 54, 58, 57];
    const qty = 1000 / open[0]!; // all-in at the first open
    const m = computeMetrics({
      candles: candlesOf(ts, open, close),
      portfolio: portfolioOf(
        ts,
        close.map((c) => qty * c),
        close.map(() => qty),
      ),
      fills: fillsOf([{ bar: 0, side: 1, qty, price: open[0]! }]),
      trades: tradesOf([]),
      initialCash: 1000,
    });
    expect(m.total_return, "20 x 57 / 1000 - 1 = 57 / 50 - 1").toBeCloseTo(m.buy_and_hold_return!, 14);
    expect(m.buy_and_hold_return).toBeCloseTo(0.14, 14);
  });

  it("rejects runs without bars, without positive cash, or with misaligned columns", () => {
    const run = handRun();
    const empty = dailyTs(0);
    const noBars = { ...run, candles: candlesOf(empty, [], []), portfolio: portfolioOf(empty, [], []) };
    expect(() => computeMetrics(noBars)).toThrow(StudioError);
    expect(() => computeMetrics({ ...run, initialCash: 0 })).toThrow(/initial cash must be positive/);
    expect(() => computeMetrics({ ...run, initialCash: Number.NaN })).toThrow(StudioError);
    const short = { ...run, candles: candlesOf(dailyTs(5), [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]) };
    expect(() => computeMetrics(short)).toThrow(/5 candles/);
    const nan = {
      ...run,
      portfolio: portfolioOf(dailyTs(6), [1000, 990, Number.NaN, 995, 1000, 1001], [0, 0, 0, 0, 0, 0]),
    };
    expect(() => computeMetrics(nan), "a NaN equity is an engine bug").toThrow(/non-finite/);
  });
});

describe("computeMetrics: exit reasons", () => {
  it("adds the per-exit-reason fields only when asked (runs with an exits block)", () => {
    const run = handRun();
    expect(Object.keys(computeMetrics(run)), "a run without exits keeps its old fields").not.toContain(
      "exits_by_reason",
    );
    // trip 1 (-10/1000) ended on its stop, trip 2 (35/990) on the signal
    const trades = tradesOf([
      { entryBar: 1, exitBar: 3, pnl: -10, returnPct: -10 / 1000, exitReason: 1 },
      { entryBar: 4, exitBar: 5, pnl: 35, returnPct: 35 / 990, exitReason: 0 },
    ]);
    const m = computeMetrics({ ...run, trades, exitReasons: true });
    expect(m.exits_by_reason).toEqual({
      signal: 1,
      stop_loss: 1,
      take_profit: 0,
      trailing_stop: 0,
      time_exit: 0,
    });
    expect(m.avg_return_by_exit_reason).toEqual({
      signal: 35 / 990,
      stop_loss: -0.01,
      take_profit: null,
      trailing_stop: null,
      time_exit: null,
    });
  });
});
