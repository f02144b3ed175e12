import { describe, expect, it } from "vitest";
import { canonicalJson } from "../core/canonical-json.js";
import { RNG_ALGORITHM } from "../core/rng.js";
import {
  bootstrapReplicate,
  createBootstrapScratch,
  summarizeBootstrap,
} from "./resampling/block-bootstrap.js";
import {
  createPermutationScratch,
  permutationReplicate,
  summarizePermutation,
} from "./resampling/permutation-test.js";
import {
  monteCarloReplicate,
  summarizeMonteCarlo,
  type TradePathOutcome,
} from "./resampling/trade-monte-carlo.js";
import { planValidation, runValidation } from "./run-validation.js";
import { fixtureContext, fullConfig } from "./test-support/validation-fixture.js";

describe("runValidation", () => {
  it("produces every section in a JSON-safe summary (canonical JSON rejects NaN and Infinity)", () => {
    const ctx = fixtureContext();
    const s = runValidation(fullConfig(), ctx);
    expect(() => canonicalJson(s)).not.toThrow();
    expect(s.rng).toEqual({ algorithm: RNG_ALGORITHM, seed: 42 });
    expect(s.permutation).toMatchObject({ n: 40, start_index: 3, statistic: "total_return" });
    expect(s.block_bootstrap).toMatchObject({
      n: 200,
      method: "circular",
      block_size_source: "auto",
      bars: 400,
    });
    expect(s.monte_carlo).toMatchObject({ n: 300, trades: ctx.realTradeReturns.length });
    expect(s.wfo).toMatchObject({ windows: 3, trials: 3, objective: "sharpe" });
    expect(s.overfitting).toMatchObject({
      trials: 3,
      partitions: 8,
      combinations: 70,
      kurtosis: "non-excess",
    });
    expect(s.permutation!.observed_return, "observed = real run's total return").toBeCloseTo(
      ctx.realEquity[399]! / 10_000 - 1,
      15,
    );
    expect(s.block_bootstrap!.observed_return).toBeCloseTo(s.permutation!.observed_return!, 12);
  });

  it("is reproducible: the same seed gives byte-identical JSON, another seed different resamples", () => {
    const a = JSON.stringify(runValidation(fullConfig(), fixtureContext()));
    const b = JSON.stringify(runValidation(fullConfig(), fixtureContext()));
    expect(b).toBe(a);
    const c = runValidation(fullConfig(), fixtureContext(400, 43));
    expect(JSON.stringify(c.permutation)).not.toBe(JSON.stringify(JSON.parse(a).permutation));
  });

  it("gives byte-identical sections when replications run in other orders and interleaved batches", () => {
    const config = fullConfig();
    const reference = runValidation(config, fixtureContext());
    const plan = planValidation(config, fixtureContext());
    // Two "threads" with their own scratch, each taking every other replication, in reverse order.
    const perm = plan.permutation!;
    const permStats = new Float64Array(perm.n);
    const threads = [createPermutationScratch(perm), createPermutationScratch(perm)];
    for (let i = perm.n - 1; i >= 0; i--) permStats[i] = permutationReplicate(i, perm, threads[i % 2]!);
    const boot = plan.bootstrap!;
    const bootStats = new Float64Array(boot.config.n);
    const bootScratch = createBootstrapScratch(boot);
    for (const from of [150, 0, 100, 50]) {
      for (let i = from; i < from + 50; i++) bootStats[i] = bootstrapReplicate(i, boot, bootScratch);
    }
    const mc = plan.monteCarlo!;
    const finals = new Float64Array(mc.n);
    const dds = new Float64Array(mc.n);
    const width = mc.checkpoints.length;
    const fan = new Float64Array(mc.n * width);
    const out: TradePathOutcome = { finalEquity: 0, maxDrawdown: 0 };
    for (let k = 0; k < mc.n; k++) {
      const i = (k * 7) % mc.n; // 7 is coprime with 300: a permutation of 0..299
      monteCarloReplicate(i, mc, out, fan, i * width);
      finals[i] = out.finalEquity;
      dds[i] = out.maxDrawdown;
    }
    expect(JSON.stringify(summarizePermutation(perm, permStats))).toBe(JSON.stringify(reference.permutation));
    expect(JSON.stringify(summarizeBootstrap(boot, bootStats))).toBe(
      JSON.stringify(reference.block_bootstrap),
    );
    expect(JSON.stringify(summarizeMonteCarlo(mc, finals, dds, fan))).toBe(
      JSON.stringify(reference.monte_carlo),
    );
  });

  it("reports progress non-decreasing up to 1", () => {
    const seen: number[] = [];
    runValidation(fullConfig(), fixtureContext(400, 42, { onProgress: (r) => seen.push(r) }));
    expect(seen.length).toBeGreaterThan(10);
    expect(
      seen.every((r, k) => k === 0 || r >= seen[k - 1]!),
      "non-decreasing",
    ).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it("stops with CANCELLED between replications when asked to", () => {
    let polls = 0;
    const ctx = fixtureContext(400, 42, { shouldCancel: () => ++polls > 5 });
    expect(() => runValidation(fullConfig(), ctx)).toThrow(expect.objectContaining({ code: "CANCELLED" }));
    expect(polls, "stopped at the first poll that said yes").toBe(6);
  });

  it("reports trades: 0 with null statistics when the run closed no trade", () => {
    const ctx = fixtureContext(400, 42, { realTradeReturns: new Float64Array(0) });
    const s = runValidation({ monte_carlo: { n: 50 } }, ctx);
    expect(s.monte_carlo).toMatchObject({ n: 50, trades: 0, equity_p50: null, prob_loss: null });
  });

  it("reports PBO as null with a reason when there are fewer than 2S bars", () => {
    const ctx = fixtureContext(30);
    const wfo = { ...fullConfig().wfo!, windows: 1, in_sample_ratio: 0.5, pbo_partitions: 16 as const };
    const s = runValidation({ wfo }, ctx);
    expect(s.overfitting).toMatchObject({
      pbo: null,
      combinations: null,
      pbo_reason: "PBO needs at least 2 x 16 = 32 bars, got 30",
    });
    expect(s.overfitting!.dsr, "the Sharpe statistics do not need CSCV").not.toBeNull();
  });

  it("runs nothing but records the RNG for an empty config, and omits overfitting for a single trial", () => {
    expect(runValidation({}, fixtureContext())).toEqual({ rng: { algorithm: RNG_ALGORITHM, seed: 42 } });
    const wfo = { ...fullConfig().wfo!, grid: {} };
    const s = runValidation({ wfo }, fixtureContext());
    expect(s.wfo?.trials).toBe(1);
    expect(s.overfitting).toBeUndefined();
  });

  it("rejects an equity curve that does not match the candles", () => {
    const ctx = fixtureContext(400, 42, { realEquity: new Float64Array(10) });
    expect(() => runValidation(fullConfig(), ctx)).toThrow(/equity has 10 bars/);
  });
});
