import { describe, expect, it } from "vitest";
import { quantile } from "../quantile.js";
import {
  createMonteCarloJob,
  monteCarloReplicate,
  simulateTradePath,
  summarizeMonteCarlo,
  type TradePathOutcome,
} from "./trade-monte-carlo.js";
import type { UniformSource } from "./uniform.js";

const TRADES = [0.1, -0.2, 0.05, -0.05];
const E0 = 1000;

/** Plays the base-m digits of `code` (most significant first) as the m trade draws. */
function digits(code: number, m: number): UniformSource {
  let k = m - 1;
  return {
    int: (bound) => {
      expect(bound, "trades are drawn from U{0..m-1}").toBe(m);
      return Math.floor(code / bound ** k--) % bound;
    },
    next: () => {
      throw new Error("trade MC draws integers only");
    },
  };
}

/** Hyndman-Fan type 7 written out again, so the fan is not checked against its own quantile code. */
function type7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

/** Exact final equity and max drawdown of one sequence, computed independently of the implementation. */
function exactPath(seq: number[]): { final: number; mdd: number } {
  const path = [E0];
  for (const q of seq) path.push(path[path.length - 1]! * (1 + q));
  let mdd = 0;
  path.forEach((e, j) => {
    const peak = Math.max(...path.slice(0, j + 1));
    mdd = Math.max(mdd, (peak - e) / peak);
  });
  return { final: path[path.length - 1]!, mdd };
}

describe("trade Monte Carlo", () => {
  const job = createMonteCarloJob(256, Float64Array.from(TRADES), E0, 7);

  it("computes a path's final equity and max drawdown with the peak including E0", () => {
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    // Sequence (-0.2, 0.1, -0.05, 0.05): 1000 -> 800 -> 880 -> 836 -> 877.8; peak stays 1000, MDD = 0.2.
    simulateTradePath(job, digits(1 * 64 + 0 * 16 + 3 * 4 + 2, 4), out);
    expect(out.finalEquity).toBeCloseTo(877.8, 9);
    expect(out.maxDrawdown).toBeCloseTo(0.2, 12);
  });

  it("records the path's equity after each checkpoint's trade count, in the slots it is given", () => {
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    expect(Array.from(job.checkpoints), "4 trades: a checkpoint after every trade").toEqual([1, 2, 3, 4]);
    const fan = new Float64Array(10).fill(-1);
    // Same sequence as above: 1000 -> 800 -> 880 -> 836 -> 877.8, written at [3, 7).
    simulateTradePath(job, digits(1 * 64 + 0 * 16 + 3 * 4 + 2, 4), out, fan, 3);
    const want = [-1, -1, -1, 800, 880, 836, 877.8, -1, -1, -1];
    const bad = want.findIndex((w, i) => Math.abs(fan[i]! - w) > 1e-9);
    expect(bad, `slot ${bad}: ${fan[bad]} instead of ${want[bad]}`).toBe(-1);
    expect(fan[6], "the last checkpoint is the final equity").toBe(out.finalEquity);
  });

  it("spreads 50 checkpoints over 51 trades and records each after its own trade", () => {
    const returns = Float64Array.from({ length: 51 }, (_, k) => (k % 5) / 100 - 0.015);
    const long = createMonteCarloJob(1, returns, E0, 3);
    // 1 + floor(50 i / 49) = i + 1 for i < 49, then 51: every count but 50.
    const counts = Array.from({ length: 49 }, (_, i) => i + 1).concat(51);
    expect(Array.from(long.checkpoints)).toEqual(counts);
    const draws = Array.from({ length: 51 }, (_, j) => (j * 17 + 4) % 51);
    let next = 0;
    const src: UniformSource = {
      int: () => draws[next++]!,
      next: () => Number.NaN,
    };
    const fan = new Float64Array(50);
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    simulateTradePath(long, src, out, fan);
    const equityAfter = (t: number) => draws.slice(0, t).reduce((e, d) => e * (1 + returns[d]!), E0);
    const bad = counts.findIndex((t, c) => Math.abs(fan[c]! - equityAfter(t)) > 1e-9 * E0);
    expect(bad, `checkpoint ${bad} (${counts[bad]} trades): ${fan[bad]}`).toBe(-1);
    expect(next, "recording the fan draws nothing extra").toBe(51);
  });

  it("matches the exact distribution over all 4^4 = 256 equally likely sequences", () => {
    const finals = new Float64Array(256);
    const mdds = new Float64Array(256);
    const fan = new Float64Array(256 * 4);
    const exactFinals: number[] = [];
    const exactMdds: number[] = [];
    /** exactAfter[t - 1]: every sequence's equity after its first t trades. */
    const exactAfter: number[][] = [[], [], [], []];
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    for (let code = 0; code < 256; code++) {
      simulateTradePath(job, digits(code, 4), out, fan, code * 4);
      finals[code] = out.finalEquity;
      mdds[code] = out.maxDrawdown;
      const seq = [3, 2, 1, 0].map((k) => TRADES[Math.floor(code / 4 ** k) % 4]!);
      const exact = exactPath(seq);
      exactFinals.push(exact.final);
      exactMdds.push(exact.mdd);
      for (let t = 1; t <= 4; t++) exactAfter[t - 1]!.push(exactPath(seq.slice(0, t)).final);
    }
    const summary = summarizeMonteCarlo(job, finals, mdds, fan);
    const close = (got: number | null, want: number, what: string) =>
      expect(Math.abs(got! - want), `${what}: ${got} vs exact ${want}`).toBeLessThan(
        1e-9 * Math.max(1, want),
      );
    close(summary.equity_p5, quantile(exactFinals, 0.05), "equity_p5");
    close(summary.equity_p50, quantile(exactFinals, 0.5), "equity_p50");
    close(summary.equity_p95, quantile(exactFinals, 0.95), "equity_p95");
    close(summary.max_drawdown_p50, quantile(exactMdds, 0.5), "max_drawdown_p50");
    close(summary.max_drawdown_p95, quantile(exactMdds, 0.95), "max_drawdown_p95");
    expect(summary.prob_loss).toBe(exactFinals.filter((e) => e < E0).length / 256);
    expect(summary).toMatchObject({ n: 256, trades: 4, initial_equity: E0 });
    const f = summary.fan!;
    expect(f.trades).toEqual([0, 1, 2, 3, 4]);
    for (const [level, p] of [
      ["p5", 0.05],
      ["p25", 0.25],
      ["p50", 0.5],
      ["p75", 0.75],
      ["p95", 0.95],
    ] as const) {
      expect(f[level][0], `${level} starts at E0`).toBe(E0);
      for (let t = 1; t <= 4; t++)
        close(f[level][t]!, type7(exactAfter[t - 1]!, p), `${level} after ${t} trades`);
    }
    expect([f.p5[4], f.p50[4], f.p95[4]], "the fan ends on the final-equity quantiles").toEqual([
      summary.equity_p5,
      summary.equity_p50,
      summary.equity_p95,
    ]);
  });

  it("converges to the exact loss probability and mean with the seeded streams (5-sd bands)", () => {
    const n = 20_000;
    const big = createMonteCarloJob(n, Float64Array.from(TRADES), E0, 123);
    const finals = new Float64Array(n);
    const mdds = new Float64Array(n);
    const fan = new Float64Array(n * 4);
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    for (let i = 0; i < n; i++) {
      monteCarloReplicate(i, big, out, fan, i * 4);
      finals[i] = out.finalEquity;
      mdds[i] = out.maxDrawdown;
    }
    // Exact: P(loss) over the 256 sequences; E[final] = E0 · (1 + mean q)^4 for iid draws.
    let losses = 0;
    for (let code = 0; code < 256; code++) {
      if (exactPath([3, 2, 1, 0].map((k) => TRADES[Math.floor(code / 4 ** k) % 4]!)).final < E0) losses++;
    }
    const p = losses / 256;
    const summary = summarizeMonteCarlo(big, finals, mdds, fan);
    expect(Math.abs(summary.prob_loss! - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    const meanQ = TRADES.reduce((a, b) => a + b, 0) / 4;
    const meanFinal = finals.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(meanFinal - E0 * (1 + meanQ) ** 4), "sd of a final is below 250").toBeLessThan(
      5 * (250 / Math.sqrt(n)),
    );
  });

  it("reports trades: 0 and null statistics when there are no trades", () => {
    const empty = createMonteCarloJob(100, new Float64Array(0), E0, 1);
    const none = new Float64Array(0);
    expect(summarizeMonteCarlo(empty, none, none, none)).toEqual({
      n: 100,
      trades: 0,
      initial_equity: E0,
      equity_p5: null,
      equity_p50: null,
      equity_p95: null,
      max_drawdown_p50: null,
      max_drawdown_p95: null,
      prob_loss: null,
      fan: null,
    });
  });
});
