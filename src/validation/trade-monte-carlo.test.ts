import { describe, expect, it } from "vitest";
import { quantile } from "./quantile.js";
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

  it("matches the exact distribution over all 4^4 = 256 equally likely sequences", () => {
    const finals = new Float64Array(256);
    const mdds = new Float64Array(256);
    const exactFinals: number[] = [];
    const exactMdds: number[] = [];
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    for (let code = 0; code < 256; code++) {
      simulateTradePath(job, digits(code, 4), out);
      finals[code] = out.finalEquity;
      mdds[code] = out.maxDrawdown;
      const seq = [3, 2, 1, 0].map((k) => TRADES[Math.floor(code / 4 ** k) % 4]!);
      const exact = exactPath(seq);
      exactFinals.push(exact.final);
      exactMdds.push(exact.mdd);
    }
    const summary = summarizeMonteCarlo(job, finals, mdds);
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
  });

  it("converges to the exact loss probability and mean with the seeded streams (5-sd bands)", () => {
    const n = 20_000;
    const big = createMonteCarloJob(n, Float64Array.from(TRADES), E0, 123);
    const finals = new Float64Array(n);
    const mdds = new Float64Array(n);
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    for (let i = 0; i < n; i++) {
      monteCarloReplicate(i, big, out);
      finals[i] = out.finalEquity;
      mdds[i] = out.maxDrawdown;
    }
    // Exact: P(loss) over the 256 sequences; E[final] = E0 · (1 + mean q)^4 for iid draws.
    let losses = 0;
    for (let code = 0; code < 256; code++) {
      if (exactPath([3, 2, 1, 0].map((k) => TRADES[Math.floor(code / 4 ** k) % 4]!)).final < E0) losses++;
    }
    const p = losses / 256;
    const summary = summarizeMonteCarlo(big, finals, mdds);
    expect(Math.abs(summary.prob_loss! - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    const meanQ = TRADES.reduce((a, b) => a + b, 0) / 4;
    const meanFinal = finals.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(meanFinal - E0 * (1 + meanQ) ** 4), "sd of a final is below 250").toBeLessThan(
      5 * (250 / Math.sqrt(n)),
    );
  });

  it("reports trades: 0 and null statistics when there are no trades", () => {
    const empty = createMonteCarloJob(100, new Float64Array(0), E0, 1);
    expect(summarizeMonteCarlo(empty, new Float64Array(0), new Float64Array(0))).toEqual({
      n: 100,
      trades: 0,
      initial_equity: E0,
      equity_p5: null,
      equity_p50: null,
      equity_p95: null,
      max_drawdown_p50: null,
      max_drawdown_p95: null,
      prob_loss: null,
    });
  });
});
