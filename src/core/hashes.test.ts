import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
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

  it("keeps the hash a config without an exits block had before the block existed", () => {
    // Pinned from the code before `exits` was added: an absent optional block adds no key to the hashed JSON.
    expect(configHash(parseRunConfigShape(input), "0.1.0")).toBe(
      "155c0e9e10bff2dc8fedb46b375f644a36740b5ef23fb143bd1b74f8e67b517d",
    );
  });

  it("hashes warmup unless it is the default auto", () => {
    const base = configHash(parseRunConfigShape(input));
    expect(configHash(parseRunConfigShape({ ...input, warmup: "auto" })), "the default written out").toBe(
      base,
    );
    expect(configHash(parseRunConfigShape({ ...input, warmup: 0 }))).not.toBe(base);
    expect(configHash(parseRunConfigShape({ ...input, warmup: 50 }))).not.toBe(
      configHash(parseRunConfigShape({ ...input, warmup: 0 })),
    );
  });

  it("hashes the exits block: any exit setting gives another config hash", () => {
    const base = configHash(parseRunConfigShape(input));
    const withStop = configHash(parseRunConfigShape({ ...input, exits: { stop_loss: 0.05 } }));
    expect(withStop).not.toBe(base);
    expect(configHash(parseRunConfigShape({ ...input, exits: { stop_loss: 0.04 } }))).not.toBe(withStop);
    expect(
      configHash(parseRunConfigShape({ ...input, exits: { stop_loss: 0.05, intrabar: "target_first" } })),
    ).not.toBe(withStop);
    expect(
      configHash(parseRunConfigShape({ ...input, exits: { stop_loss: 0.05, intrabar: "stop_first" } })),
      "the default written out is the same config",
    ).toBe(withStop);
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

  it("keeps built-in-only hashes as they were and adds a user plugin's sha256 when one is used", () => {
    const config = parseRunConfigShape(input);
    const { preset_ref: _p, warmup: _w, ...hashed } = config;
    expect(configHash(config, "0.1.0"), "no plugins: the plain config + code version").toBe(
      sha256(canonicalJson({ ...hashed, code_version: "0.1.0" })),
    );
    expect(configHash(config, "0.1.0", {}), "an empty plugin map changes nothing").toBe(
      configHash(config, "0.1.0"),
    );
    const withPlugin = configHash(config, "0.1.0", { "strategy:mine": "a".repeat(64) });
    expect(withPlugin).toBe(
      sha256(
        canonicalJson({ ...hashed, code_version: "0.1.0", plugins: { "strategy:mine": "a".repeat(64) } }),
      ),
    );
    expect(
      configHash(config, "0.1.0", { "strategy:mine": "b".repeat(64) }),
      "an edit is a new hash",
    ).not.toBe(withPlugin);
    expect(featureHash("mine", { period: 10 }, "abc", "0.1.0", "f".repeat(64))).toBe(
      sha256(`mine|{"period":10}|abc|0.1.0|${"f".repeat(64)}`),
    );
  });
});
