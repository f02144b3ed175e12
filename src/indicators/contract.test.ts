/**
 * The contract every registered indicator keeps (docs/architecture.md#no-look-ahead), on seeded random-walk candles, for its
 * default params and a few others: exact warm-up, no look-ahead, determinism, short series.
 */
import { describe, expect, it } from "vitest";
import { type Candles, sliceCandles } from "../core/candles.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import { computeFeatures } from "./compute-features.js";
import { INDICATORS } from "./registry.js";
import { resolveIndicator } from "./resolve-indicator.js";
import { randomWalkCandles, withNewTail } from "./test-support/random-walk-candles.js";

/** Params checked beyond the defaults; every registered indicator must have an entry. */
const EXTRA_PARAMS: Record<string, Record<string, unknown>[]> = {
  sma: [{ period: 1 }, { period: 7 }],
  ema: [{ period: 1 }, { period: 5 }],
  wma: [{ period: 1 }, { period: 6 }],
  rsi: [{ period: 2 }, { period: 9 }],
  macd: [
    { fast: 3, slow: 5, signal: 2 },
    { fast: 1, slow: 2, signal: 1 },
  ],
  bollinger: [
    { period: 2, stddev: 1 },
    { period: 7, stddev: 2.5 },
  ],
  atr: [{ period: 1 }, { period: 5 }],
  stddev: [{ period: 2 }, { period: 9 }],
  roc: [{ period: 1 }, { period: 30 }],
  donchian: [{ period: 1 }, { period: 7 }],
  obv: [],
  zscore: [{ period: 2 }, { period: 9 }],
  price: [{ field: "open" }, { field: "high" }, { field: "low" }, { field: "volume" }],
};

const N = 300;
const candles = randomWalkCandles(N, 7);

function leadingNaN(values: Float64Array): number {
  let i = 0;
  while (i < values.length && Number.isNaN(values[i]!)) i++;
  return i;
}

function expectSameBits(a: Float64Array, b: Float64Array, upTo: number, why: string): void {
  for (let t = 0; t <= upTo; t++) {
    if (!Object.is(a[t], b[t])) expect.fail(`${why}: bar ${t} differs (${a[t]} vs ${b[t]})`);
  }
}

it("lists extra params for every registered indicator, so none escapes the contract", () => {
  expect(Object.keys(EXTRA_PARAMS).sort(), "EXTRA_PARAMS keys = registry names").toEqual(
    Object.keys(INDICATORS).sort(),
  );
});

for (const def of Object.values(INDICATORS)) {
  for (const input of [{}, ...(EXTRA_PARAMS[def.name] ?? [])]) {
    const params = def.schema.parse(input);
    const lookback = def.lookback(params);
    const run = (c: Candles) => def.compute(c, params);

    describe(`indicator ${def.name} ${JSON.stringify(input)}`, () => {
      const full = run(candles);

      it("returns exactly the declared outputs, each as long as the candles", () => {
        expect(Object.keys(full), "output names in declared order").toEqual([...def.outputs]);
        for (const out of def.outputs) expect(full[out]!.length, `${out} length`).toBe(N);
      });

      it("is NaN for exactly the first lookback(params) bars and finite after", () => {
        for (const out of def.outputs) {
          const values = full[out]!;
          expect(leadingNaN(values), `${out}: NaN prefix = lookback ${lookback}`).toBe(lookback);
          for (let t = lookback; t < N; t++) {
            if (!Number.isFinite(values[t]!)) expect.fail(`${out}[${t}] = ${values[t]} after the warm-up`);
          }
        }
      });

      it("gives the same values on candles[0..k] as the prefix of the full series", () => {
        for (const k of [0, 1, lookback - 1, lookback, lookback + 1, 150, N - 2]) {
          if (k < 0 || k > N - 2) continue;
          const prefix = run(sliceCandles(candles, 0, k + 1));
          for (const out of def.outputs) {
            expectSameBits(prefix[out]!, full[out]!, k, `${out} on bars 0..${k}`);
          }
        }
      });

      it("leaves values at or before k unchanged when every bar after k changes", () => {
        for (const k of [lookback, 100, N - 3]) {
          if (k > N - 2) continue;
          const tail = withNewTail(candles, k, 1000 + k);
          expect(tail.close[k + 1], "the generator really changed the future").not.toBe(candles.close[k + 1]);
          const changed = run(tail);
          for (const out of def.outputs) {
            expectSameBits(changed[out]!, full[out]!, k, `${out} with a new tail after ${k}`);
          }
        }
      });

      it("computes bit-identical values twice", () => {
        const again = run(randomWalkCandles(N, 7));
        for (const out of def.outputs) expectSameBits(again[out]!, full[out]!, N - 1, `${out} recomputed`);
      });

      it("reaches strategies through computeFeatures unchanged and shifted by exactly one bar", () => {
        const { columns } = computeFeatures(
          [resolveIndicator({ name: def.name, params: input }, engineCatalog(), "t")],
          candles,
        );
        expect(
          columns.map((c) => c.output),
          "one column per output",
        ).toEqual([...def.outputs]);
        for (const column of columns) {
          expectSameBits(column.raw, full[column.output]!, N - 1, `${column.name} raw`);
          expect(Number.isNaN(column.shifted[0]!), `${column.name}: nothing is known before bar 0`).toBe(
            true,
          );
          expectSameBits(
            column.shifted.subarray(1),
            column.raw,
            N - 2,
            `${column.name} shifted[t+1] = raw[t]`,
          );
        }
      });

      it("returns all NaN without throwing on series no longer than the lookback", () => {
        for (const n of [0, 1, lookback]) {
          if (n > lookback) continue;
          const short = run(sliceCandles(candles, 0, n));
          for (const out of def.outputs) {
            expect(short[out]!.length, `${out} length on ${n} bars`).toBe(n);
            expect(leadingNaN(short[out]!), `${out} on ${n} bars is all NaN`).toBe(n);
          }
        }
      });
    });
  }
}
