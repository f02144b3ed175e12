import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import { configHash, featureHash } from "../../core/hashes.js";
import { engineCatalog } from "../../engine/engine-catalog.js";
import { builtinCatalog } from "../../runs/builtin-catalog.js";
import { parseRunConfig } from "../../runs/parse-config.js";
import { INDICATORS } from "../registry.js";
import { randomWalkCandles } from "../test-support/random-walk-candles.js";
import { resolveIndicator } from "./resolve-indicator.js";

const catalog = engineCatalog();
const SERIES_INDICATORS = ["sma", "ema", "wma", "rsi", "roc", "stddev", "bollinger", "zscore", "macd"];

/** The code version the goldens were printed with; pinned, so a later bump (which changes every hash) does not
 * hide whether the params themselves still hash the same. */
const GOLDEN_CODE_VERSION = "0.1.0";

/** Values printed by the code before `field` existed: a config that leaves it out must keep every one. */
const BEFORE_FIELD: Record<string, { params: string; columns: string; featureHash: string }> = {
  sma: {
    params: '{"period":20}',
    columns: "sma_20",
    featureHash: "ecdae0fa56d16ad313cd68143aec7299b392954a001bea8ddfcd20cfb08f8b00",
  },
  ema: {
    params: '{"period":20}',
    columns: "ema_20",
    featureHash: "d13d2c4ff27fdb8010158b498c1224539375b40a448b5d8aa6aefcedc5d95e0a",
  },
  wma: {
    params: '{"period":20}',
    columns: "wma_20",
    featureHash: "17ebf6140071b4df461370e329063105a65039a7f1333deb40b6093d0635b824",
  },
  rsi: {
    params: '{"period":14}',
    columns: "rsi_14",
    featureHash: "1ae45c9cbb748cef3cfe30c7f994684ebd4afd91f8dd03cab64c9347061867cf",
  },
  roc: {
    params: '{"period":10}',
    columns: "roc_10",
    featureHash: "6eb11e325da9a8a249b792cb0d9786a57391d60036a640284a3987bb0db5d966",
  },
  stddev: {
    params: '{"period":20}',
    columns: "stddev_20",
    featureHash: "5e90ab53fd8d823c4b6a233859dc4d0807cb5d18db525bc6c0a42d45535443e8",
  },
  bollinger: {
    params: '{"period":20,"stddev":2}',
    columns: "bollinger_20_2_mid,bollinger_20_2_upper,bollinger_20_2_lower",
    featureHash: "feb4b28a3147ed8d1f03cfb8a6d54c1624a0b44117e78367005d16f0ad88dafd",
  },
  zscore: {
    params: '{"period":20}',
    columns: "zscore_20",
    featureHash: "cd65d63a6a95eb94a1e85d222891acf7874b0e32379ba17b967fd6edc5ac85bf",
  },
  macd: {
    params: '{"fast":12,"slow":26,"signal":9}',
    columns: "macd_12_26_9_macd,macd_12_26_9_signal,macd_12_26_9_hist",
    featureHash: "5abcd911d3e8328525e483de88d993e0d6b3076352b4f80b19e23df9b47e8b98",
  },
};

/** Candles whose close column is `column` of `candles`: what an indicator of `field: column` must read. */
function closeReplacedBy(candles: Candles, column: "open" | "high" | "low" | "volume"): Candles {
  return { ...candles, close: candles[column] };
}

describe("the field param", () => {
  for (const name of SERIES_INDICATORS) {
    it(`${name}: leaving field out or setting it to close keeps the params, column names and feature_hash`, () => {
      const golden = BEFORE_FIELD[name]!;
      for (const params of [{}, { field: "close" }]) {
        const r = resolveIndicator({ name, params }, catalog, "indicators[0]");
        expect(JSON.stringify(r.params), `${name} ${JSON.stringify(params)}: parsed params`).toBe(
          golden.params,
        );
        expect(r.columns.map((c) => c.name).join(","), "column names").toBe(golden.columns);
        expect(featureHash(name, r.params, "candles", GOLDEN_CODE_VERSION), "feature_hash").toBe(
          golden.featureHash,
        );
      }
    });

    it(`${name}: reads the column it names, exactly as if that column were the close`, () => {
      const candles = randomWalkCandles(120, 3);
      const def = INDICATORS[name]!;
      for (const field of ["open", "high", "low", "volume"] as const) {
        const got = def.compute(candles, def.schema.parse({ field }));
        const want = def.compute(closeReplacedBy(candles, field), def.schema.parse({}));
        for (const output of def.outputs) {
          const a = got[output]!;
          const b = want[output]!;
          for (let t = 0; t < a.length; t++) {
            if (!Object.is(a[t], b[t])) expect.fail(`${name}(${field}).${output}[${t}]: ${a[t]} vs ${b[t]}`);
          }
        }
      }
    });
  }

  it("adds a non-default field to the column name after the other params", () => {
    const sma = resolveIndicator({ name: "sma", params: { period: 10, field: "volume" } }, catalog, "x");
    expect(sma.columns[0]!.name, "sma of volume").toBe("sma_10_volume");
    const macd = resolveIndicator({ name: "macd", params: { field: "high" } }, catalog, "x");
    expect(
      macd.columns.map((c) => c.name),
      "macd of the high",
    ).toEqual(["macd_12_26_9_high_macd", "macd_12_26_9_high_signal", "macd_12_26_9_high_hist"]);
  });

  it("rejects a field that is not a candle column", () => {
    expect(() =>
      resolveIndicator({ name: "rsi", params: { field: "vwap" } }, catalog, "indicators[0]"),
    ).toThrow(/^indicators\[0\]\.params\.field: .*"close".*\(got "vwap"\)$/);
  });

  it("keeps the config_hash of a config that names these indicators without field", () => {
    const config = (extra: Record<string, unknown>) =>
      parseRunConfig(
        {
          symbol: "X",
          timeframe: "1d",
          start: "2020-01-01",
          end: "2021-01-01",
          provider: "synthetic",
          indicators: SERIES_INDICATORS.map((name) => ({ name, params: { ...extra } })),
          strategy: { name: "bollinger_reversion", params: {} },
        },
        builtinCatalog(),
      );
    const before = "1f7a34a00f58b8b883394d9cdda98d1d111273f7b1a8545f8c1965f1fdd1c34f";
    expect(configHash(config({}), "test-code"), "field left out").toBe(before);
    expect(configHash(config({ field: "close" }), "test-code"), "field: close means the same run").toBe(
      before,
    );
  });
});
