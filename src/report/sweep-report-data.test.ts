import { describe, expect, it } from "vitest";
import { randomWalkCandles } from "../indicators/test-support/random-walk-candles.js";
import { runSweep } from "../sweeps/run-sweep.js";
import { percent } from "./format-metric.js";
import { buildSweepReportData, tableRecords } from "./sweep-report-data.js";
import { sweepReportHtml } from "./sweep-report-html.js";

const candles = randomWalkCandles(900, 7);
const spec = {
  base: {
    symbol: "SYN",
    timeframe: "1d" as const,
    start: 0,
    end: 1e12,
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: {} },
  },
  space: {
    "strategy.params.fast": [5, 10, 30],
    "strategy.params.slow": [20, 40],
    "strategy.params.allow_short": [false, true],
  },
  holdout: 0.2,
  pbo_partitions: 8,
};
const ID = "0f0e0d0c-0b0a-4908-8706-050403020100";

describe("buildSweepReportData", async () => {
  const { plan, outcome, summary } = await runSweep(spec, { candles });
  const data = buildSweepReportData(ID, plan, outcome, summary);

  it("draws one heatmap for the numeric pair, each cell the best objective over the boolean dimension", () => {
    expect(
      data.heatmaps.map((m) => [m.a, m.b]),
      "allow_short is not numeric",
    ).toEqual([[0, 1]]);
    const fast = spec.space["strategy.params.fast"];
    const slow = spec.space["strategy.params.slow"];
    const expected: [number, number, number][] = [];
    fast.forEach((f, x) => {
      slow.forEach((s, y) => {
        const objectives = outcome.records
          .filter((r) => r.status === "done" && r.values["strategy.params.fast"] === f)
          .filter((r) => r.values["strategy.params.slow"] === s)
          .map((r) => r.result!.objective)
          .filter(Number.isFinite);
        if (objectives.length) expected.push([x, y, Number(Math.max(...objectives).toPrecision(7))]);
      });
    });
    expect(expected.length, "fast 30 >= slow 20 is skipped, so one cell stays blank").toBe(5);
    expect(data.heatmaps[0]!.cells).toEqual(expected);
    const best = outcome.records.find((r) => r.index === outcome.bestIndex)!;
    expect(data.heatmaps[0]!.best).toEqual([
      fast.indexOf(best.values["strategy.params.fast"] as number),
      slow.indexOf(best.values["strategy.params.slow"] as number),
    ]);
  });

  it("carries every trial as columns, the varied values as text", () => {
    const n = outcome.records.length;
    expect(data.trials.index).toEqual(outcome.records.map((r) => r.index));
    expect(data.trials.values.map((c) => c.length)).toEqual([n, n, n]);
    expect(new Set(data.trials.values[2]), "booleans read as words").toEqual(new Set(["false", "true"]));
    expect(Object.keys(data.trials.metrics)).toContain("sharpe");
    expect(data.trials.metrics.total_return!.length).toBe(n);
  });

  it("past the table's limit keeps the best trials by objective, failed ones last, in trial order", () => {
    const kept = tableRecords(outcome.records, 3);
    const ranked = outcome.records
      .filter((r) => r.status === "done")
      .map((r) => r.result!.objective)
      .sort((a, b) => b - a);
    expect(kept.map((r) => r.result!.objective).sort((a, b) => b - a)).toEqual(ranked.slice(0, 3));
    const idx = kept.map((r) => r.index);
    expect(idx, "trial order").toEqual([...idx].sort((a, b) => a - b));
    expect(data.trials.total).toBe(outcome.records.length);
  });

  it("puts the best in-sample beside its holdout and explains each statistic", () => {
    const s = summary.statistics!;
    const holdout = summary.best!.holdout!;
    const row = (k: string) => data.best!.compare.find((r) => r[0] === k)!;
    expect(row("bars")).toEqual(["bars", String(summary.bars.in_sample), String(holdout.bars)]);
    expect(row("total return")[2]).toBe(percent(holdout.total_return));
    const stats = new Map(data.statistics.map(([k, v, why]) => [k, { v, why }]));
    expect(stats.get("deflated Sharpe ratio (DSR)")!.v).toBe(percent(s.dsr!, 1));
    expect(stats.get("deflated Sharpe ratio (DSR)")!.why).toContain(`N = ${s.trials_run} trials`);
    expect(stats.get("trials beating buy-and-hold")!.v).toBe(
      `${s.beat_buy_and_hold} of ${summary.counts.run}`,
    );
    for (const [k, { why }] of stats) expect(why.length, `${k} has its sentence`).toBeGreaterThan(40);
    expect(data.warnings.join("\n")).toContain(
      `${summary.counts.skipped} of ${summary.counts.planned} combinations were skipped`,
    );
    expect(data.hashes).toContainEqual(["sweep_hash", summary.sweep_hash]);
  });

  it("writes one self-contained page that loads nothing and whose data no value can break out of", () => {
    const html = sweepReportHtml(ID, plan, outcome, summary);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html, "no external script or style").not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    const blob = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(JSON.parse(blob).title).toBe(data.title);
    expect(sweepReportHtml(ID, plan, outcome, summary), "the same bytes twice").toBe(html);
  });
});
