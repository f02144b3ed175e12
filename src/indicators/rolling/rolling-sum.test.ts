import { describe, expect, it } from "vitest";
import { candlesFromCloses } from "../test-support/candles-from-closes.js";
import {
  commonScale,
  DOUBLE_SCALE,
  doubleToScaled,
  exactRollingSums,
  parseDecimal,
  rationalToDouble,
  ulpDistance,
} from "../test-support/exact-decimal.js";
import { sma } from "../trend/sma.js";
import { wma } from "../trend/wma.js";
import { bollinger } from "../volatility/bollinger.js";
import { stddev } from "../volatility/stddev.js";
import { zscore } from "../volatility/zscore.js";
import { rollingSum, sumError } from "./rolling-sum.js";

/** A deterministic LCG (Park-Miller) for test series. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** A random walk of integer ticks written as decimal strings with `decimals` places (exact text). */
function decimalWalk(
  bars: number,
  seed: number,
  start: bigint,
  decimals: number,
  step: number,
  unit = 1n,
): string[] {
  const next = lcg(seed);
  const out: string[] = [];
  let ticks = start;
  for (let i = 0; i < bars; i++) {
    ticks += BigInt(Math.round((next() - 0.5) * 2 * step)) * unit;
    if (ticks <= 0n) ticks = 1n;
    out.push(formatTicks(ticks, decimals));
  }
  return out;
}

function formatTicks(ticks: bigint, decimals: number): string {
  const negative = ticks < 0n;
  const digits = (negative ? -ticks : ticks).toString().padStart(decimals + 1, "0");
  const text = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

const SERIES: Record<string, string[]> = {
  // EURUSD-like hourly closes: 1.1xxxx with 5 decimals, moves of a few pips.
  eurusd: decimalWalk(3000, 7, 110_000n, 5, 30),
  // A large offset with small increments: 1e6 + 4-decimal moves (11 significant digits).
  offset: decimalWalk(3000, 11, 10_000_000_000n, 4, 7),
  // Prices that jump between 1e6 and 0.001 levels, so windows span values far more than 2x apart.
  jumps: decimalWalk(3000, 13, 1_000_000n, 6, 40).map((s, i) =>
    Math.floor(i / 37) % 2 === 0
      ? s
      : `${Number.parseInt(s.replace(".", ""), 10) + 1_000_000_000_000}.${i % 10}`,
  ),
};

const PERIODS = [1, 2, 3, 7, 20, 50, 200];

/** The first window mean more than 1 ulp from the correctly rounded exact mean, or null. */
function firstBadMean(texts: string[], period: number, means: Float64Array): string | null {
  const { nums, den } = commonScale(texts);
  const sums = exactRollingSums(nums, period);
  for (let t = 0; t < texts.length; t++) {
    const s = sums[t];
    if (s === undefined) {
      if (!Number.isNaN(means[t])) return `t=${t}: expected NaN during the warm-up, got ${means[t]}`;
      continue;
    }
    const exact = rationalToDouble(s, den * BigInt(period));
    if (ulpDistance(means[t]!, exact) > 1) {
      return `t=${t}: mean ${means[t]} is ${ulpDistance(means[t]!, exact)} ulps from the correctly rounded ${exact}`;
    }
  }
  return null;
}

describe("the exact reference", () => {
  it("parses decimals and rounds rationals correctly (ties to even)", () => {
    expect(parseDecimal("-12.050")).toEqual({ num: -12050n, scale: 3 });
    expect(rationalToDouble(1n, 10n)).toBe(0.1);
    expect(rationalToDouble(1n, 3n)).toBe(1 / 3);
    expect(rationalToDouble(-2n, 3n)).toBe(-2 / 3);
    expect(rationalToDouble(110_234n, 100_000n)).toBe(1.10234);
    expect(rationalToDouble(2n ** 53n + 1n, 1n), "halfway: ties to even").toBe(2 ** 53);
    expect(rationalToDouble(2n ** 53n + 3n, 1n), "halfway: ties to even").toBe(2 ** 53 + 4);
    expect(rationalToDouble(10_000_000_001n, 10_000n)).toBe(1000000.0001);
    expect(ulpDistance(1, 1 + 2 ** -52)).toBe(1);
  });
});

describe("rollingSum", () => {
  it("gives the exact rounding error of an addition", () => {
    const t = 0.1 + 0.2;
    expect(sumError(0.1, 0.2, t)).toBe(-2.7755575615628914e-17);
    expect(sumError(1e16, 1, 1e16 + 1)).toBe(1);
  });

  for (const [name, texts] of Object.entries(SERIES)) {
    it(`keeps every rolling mean within 1 ulp of the correctly rounded mean (${name}, ${texts.length} bars)`, () => {
      const values = Float64Array.from(texts, Number);
      for (const period of PERIODS) {
        const bad = firstBadMean(
          texts,
          period,
          rollingSum(values, period, new Float64Array(values.length), period),
        );
        expect(bad, `period ${period}`).toBeNull();
      }
    });
  }

  it("keeps means of mixed-sign values of very different sizes within 1 ulp of the doubles' exact mean", () => {
    // Decimal text cannot be the reference here: 1e9 with 6 decimals is not exact as a double, and that
    // representation error alone is many ulps of a small mean. The doubles' own exact values are the reference.
    const next = lcg(5);
    const values = Float64Array.from({ length: 2000 }, () => (next() - 0.5) * (next() < 0.1 ? 1e9 : 1));
    const nums = Array.from(values, doubleToScaled);
    for (const period of [2, 5, 30]) {
      const means = rollingSum(values, period, new Float64Array(values.length), period);
      const sums = exactRollingSums(nums, period);
      for (let t = period - 1; t < values.length; t++) {
        const exact = rationalToDouble(sums[t]!, DOUBLE_SCALE * BigInt(period));
        if (ulpDistance(means[t]!, exact) > 1) {
          expect.fail(`period ${period}, t=${t}: ${means[t]} vs correctly rounded ${exact}`);
        }
      }
    }
  });

  it("recovers from a NaN at the next anchor", () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i === 2 ? Number.NaN : i + 1));
    const out = rollingSum(values, 2, new Float64Array(values.length), 2);
    expect(out[1]).toBe(1.5);
    expect(out[3], "a window holding the NaN").toBeNaN();
    const anchor = 4096;
    expect(out[anchor - 1], "the NaN still poisons the running sum before the anchor").toBeNaN();
    for (let t = anchor + 1; t < values.length; t++) {
      if (out[t] !== t + 0.5) expect.fail(`out[${t}] = ${out[t]}, expected ${t + 0.5}`);
    }
  });
});

describe("rolling-window indicators on the exact reference", () => {
  for (const [name, texts] of Object.entries(SERIES)) {
    it(`sma, bollinger mid and zscore's mean are within 1 ulp of the exact mean (${name})`, () => {
      const candles = candlesFromCloses(texts.map(Number));
      for (const period of [2, 10, 50]) {
        const mean = sma.compute(candles, { period }).sma!;
        expect(firstBadMean(texts, period, mean), `sma(${period})`).toBeNull();
        const mid = bollinger.compute(candles, { period, stddev: 2 }).mid!;
        for (let t = 0; t < mid.length; t++) {
          if (!Object.is(mid[t], mean[t]))
            expect.fail(`bollinger mid[${t}] = ${mid[t]} but sma = ${mean[t]}`);
        }
      }
    });

    // Outside a mean, two errors remain that compensation cannot remove: the weights' products and the
    // previous window's sum are rounded once per step (wma), and Welford's update rounds products of deviations
    // (stddev). Both are bounded on ordinary prices; a window mixing 1e6 and 1e12 levels loses them until the
    // next anchor, so the jumps series is checked on means only.
    if (name === "jumps") continue;
    it(`wma is within 2 ulps and stddev close to the exact values, with no drift (${name})`, () => {
      const candles = candlesFromCloses(texts.map(Number));
      const { nums, den } = commonScale(texts);
      for (const period of [3, 20, 50]) {
        const w = wma.compute(candles, { period }).wma!;
        const sd = stddev.compute(candles, { period }).stddev!;
        const z = zscore.compute(candles, { period }).zscore!;
        const divisor = BigInt((period * (period + 1)) / 2);
        const p = BigInt(period);
        for (let t = period - 1; t < texts.length; t++) {
          let weighted = 0n;
          let sum = 0n;
          let squares = 0n;
          for (let j = 0; j < period; j++) {
            const x = nums[t - period + 1 + j]!;
            weighted += BigInt(j + 1) * x;
            sum += x;
            squares += x * x;
          }
          const exactW = rationalToDouble(weighted, den * divisor);
          if (ulpDistance(w[t]!, exactW) > 2) {
            expect.fail(
              `wma(${period})[${t}] = ${w[t]} is ${ulpDistance(w[t]!, exactW)} ulps from ${exactW}`,
            );
          }
          const exactSd = Math.sqrt(rationalToDouble(p * squares - sum * sum, p * p * den * den));
          const level = rationalToDouble(sum, p * den);
          // Relative to the price level: deviations carry the mean's rounding (1 ulp of the level).
          if (Math.abs(sd[t]! - exactSd) > 1e-9 * exactSd + 1e-13 * level) {
            expect.fail(`stddev(${period})[${t}] = ${sd[t]}, exact ${exactSd}`);
          }
          if (!Number.isFinite(z[t]!)) expect.fail(`zscore(${period})[${t}] = ${z[t]}`);
        }
      }
    });
  }
});
