import { describe, expect, it } from "vitest";
import { sha256 } from "./hash.js";
import { candleHash, configHash, featureHash, runHash } from "./hashes.js";
import { parseRunConfigShape } from "./run-config.js";

const input = {
  symbol: "SYN",
  timeframe: "1h",
  start: 0,
  end: 3_600_000 * 100,
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
};

describe("hashes", () => {
  it("gives the same config hash for the same config written with keys in another order", () => {
    const reordered = {
      strategy: { params: { slow: 20, fast: 5 }, name: "sma_crossover" },
      provider: "synthetic",
      end: 3_600_000 * 100,
      start: 0,
      timeframe: "1h",
      symbol: "SYN",
    };
    expect(configHash(parseRunConfigShape(reordered))).toBe(configHash(parseRunConfigShape(input)));
  });

  it("gives another config hash when any value, the seed or the code version changes", () => {
    const base = configHash(parseRunConfigShape(input));
    expect(configHash(parseRunConfigShape({ ...input, seed: 43 }))).not.toBe(base);
    expect(
      configHash(
        parseRunConfigShape({ ...input, strategy: { name: "sma_crossover", params: { fast: 6, slow: 20 } } }),
      ),
    ).not.toBe(base);
    expect(configHash(parseRunConfigShape(input), "9.9.9")).not.toBe(base);
  });

  it("ignores preset_ref, which names the source of the values, not the values", () => {
    expect(configHash(parseRunConfigShape({ ...input, preset_ref: "p1" }))).toBe(
      configHash(parseRunConfigShape(input)),
    );
  });

  it("composes the candle, feature and run hashes exactly as docs/architecture.md writes them", () => {
    const key = { provider: "csv", symbol: "GOOG", timeframe: "1d", start: 1, end: 2, rawSourceVersion: "v" };
    expect(candleHash(key)).toBe(sha256("csv|GOOG|1d|1|2|v"));
    expect(featureHash("sma", { period: 10 }, "abc", "0.1.0")).toBe(sha256('sma|{"period":10}|abc|0.1.0'));
    expect(runHash("abc")).toBe(sha256("abc"));
  });
});
