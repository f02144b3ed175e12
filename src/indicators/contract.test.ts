/**
 * The contract every registered indicator keeps (docs/architecture.md#no-look-ahead), for its default params and a few others, checked by the same
 * code that holds user indicators to it (`studio plugins check`, src/plugins/check-indicator.ts): declared
 * outputs, exact warm-up, no look-ahead (a changed future and a cut series, for many k), determinism, every
 * element written, short series; plus the feature layer's one-bar shift.
 */
import { describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { checkIndicatorProperties } from "../plugins/check-indicator.js";
import { marketCandles } from "../plugins/sample-candles.js";
import { computeFeatures } from "./features/compute-features.js";
import { resolveIndicator } from "./features/resolve-indicator.js";
import { INDICATORS } from "./registry.js";
import { randomWalkCandles } from "./test-support/random-walk-candles.js";

/** Params checked beyond the defaults; every registered indicator must have an entry. */
const EXTRA_PARAMS: Record<string, Record<string, unknown>[]> = {
  sma: [{ period: 1 }, { period: 7 }, { period: 5, field: "volume" }],
  ema: [{ period: 1 }, { period: 5 }],
  wma: [{ period: 1 }, { period: 6 }],
  rsi: [{ period: 2 }, { period: 9 }, { period: 5, field: "high" }],
  macd: [
    { fast: 3, slow: 5, signal: 2 },
    { fast: 1, slow: 2, signal: 1 },
    { fast: 3, slow: 5, signal: 2, field: "low" },
  ],
  bollinger: [
    { period: 2, stddev: 1 },
    { period: 7, stddev: 2.5 },
    { period: 5, stddev: 1, field: "open" },
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
const samples = [
  { label: "random walk", candles },
  { label: "market-like daily bars", candles: marketCandles(N) },
];

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

    describe(`indicator ${def.name} ${JSON.stringify(input)}`, () => {
      for (const result of checkIndicatorProperties(def, params, samples)) {
        it(result.description, () => {
          expect(result.failure?.message, `${result.check} holds`).toBeUndefined();
        });
      }

      it("reaches strategies through computeFeatures unchanged and shifted by exactly one bar", () => {
        const full = def.compute(candles, params);
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
    });
  }
}
