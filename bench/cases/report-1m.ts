/**
 * @module bench/cases/report-1m
 * report.html for a million-bar run: the time to build its data (downsampled series, two candle resolutions,
 * period returns, the trades table) and write the page, and the page's size against the 5 MB bound; and the size
 * of the same run's report with every kind of level exit on (each trade's stop steps and target drawn).
 */
import type { BenchCase, BenchContext } from "../case.js";
import { minuteRequest, SMA_10_50 } from "../case.js";
import { measure, memory } from "../measure.js";

type M<T> = Promise<T>;
const BARS = 1_000_000;
const SIZE_BUDGET_MB = 5;

/** The 1M-bar SMA 10/50 run and a function that renders its report.html (also used by report_1m_open). */
export async function reportOf1mRun(ctx: BenchContext) {
  const [{ generateSynthetic }, { runBacktest }, { renderRunReport }] = await Promise.all([
    ctx.dist("data/providers/synthetic/synthetic-generator.js") as M<
      typeof import("../../src/data/providers/synthetic/synthetic-generator.js")
    >,
    ctx.dist("engine/run-backtest.js") as M<typeof import("../../src/engine/run-backtest.js")>,
    ctx.dist("report/report-html.js") as M<typeof import("../../src/report/report-html.js")>,
  ]);
  const request = minuteRequest(BARS);
  const candles = generateSynthetic(request);
  const config = { ...request, provider: "synthetic", strategy: SMA_10_50 };
  const r = runBacktest(config, { candles });
  const summary = { config: { ...config, initial_cash: 10_000 }, data_quality: { bars: BARS, gaps: 0 } };
  const render = () =>
    renderRunReport({
      candles,
      ts: r.portfolio.ts,
      equity: r.portfolio.equity,
      drawdown: r.drawdown,
      fills: r.fills,
      trades: r.trades,
      metrics: r.metrics,
      summary,
      title: "BENCH 1m",
      subtitle: "sma_crossover(fast=10, slow=50)",
    });
  return { candles, config, r, summary, render, renderRunReport, runBacktest };
}

export const report1m: BenchCase = {
  name: "report_1m",
  summary: "report.html of a 1M-bar SMA 10/50 run: build time and size",
  async run(ctx) {
    const { candles, config, r, summary, render, renderRunReport, runBacktest } = await reportOf1mRun(ctx);
    let bytes = 0;
    ctx.record(
      await measure(
        "report_1m",
        () => {
          bytes = Buffer.byteLength(render());
        },
        {
          runs: 5,
          // No-regression budget: 86x measured on the 2-core development machine (2026-12-01), plus headroom.
          budgetX: 200,
          notes: `report.html of a ${BARS.toLocaleString("en")}-bar run with ${r.trades.entryTs.length} trades`,
        },
      ),
    );
    ctx.record(
      memory("report_1m.size", bytes / 1e6, SIZE_BUDGET_MB, "report.html size in MB (must stay under 5)"),
    );
    const exits = {
      stop_loss: { atr: 14, mult: 3 },
      take_profit: 0.02,
      trailing_stop: 0.01,
      intrabar: "stop_first" as const,
    };
    const withExits = { ...config, exits };
    const x = runBacktest(withExits, { candles });
    const exitsHtml = renderRunReport({
      candles,
      ts: x.portfolio.ts,
      equity: x.portfolio.equity,
      drawdown: x.drawdown,
      fills: x.fills,
      trades: x.trades,
      features: x.features.columns,
      metrics: x.metrics,
      summary: { ...summary, config: { ...summary.config, exits } },
      title: "BENCH 1m exits",
      subtitle: "sma_crossover(fast=10, slow=50) with stop, target and trailing stop",
    });
    ctx.record(
      memory(
        "report_1m_exits.size",
        Buffer.byteLength(exitsHtml) / 1e6,
        SIZE_BUDGET_MB,
        `report.html size in MB with ATR stop, target and trailing stop (${x.trades.entryTs.length} trades)`,
      ),
    );
  },
};
