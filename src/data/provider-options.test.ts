import { describe, expect, it } from "vitest";
import { sha256 } from "../core/hash.js";
import { candleHash, configHash } from "../core/hashes.js";
import { parseRunConfigShape } from "../core/run-config.js";
import { parseProviderOptions } from "./provider-options.js";
import { csv } from "./providers/csv/csv.js";
import { synthetic } from "./providers/synthetic/synthetic.js";
import { setupCache } from "./test-support/cache-setup.js";

const JAN2 = Date.parse("2024-01-02T00:00:00Z");
const DAY = 86_400_000;

describe("provider_options", () => {
  it("are checked by the provider's own schema, naming the path and the value", () => {
    expect(() => parseProviderOptions(csv, { timezone: "Mars/Olympus" })).toThrow(
      /provider_options.timezone: expected an IANA time zone name/,
    );
    expect(() => parseProviderOptions(csv, { date_format: "dd.MM" })).toThrow(
      /provider_options.date_format: .*lacks yyyy/,
    );
    expect(() => parseProviderOptions(csv, { align: "exchange" })).toThrow(/provider_options.align/);
    expect(() => parseProviderOptions(csv, { tz: "UTC" })).toThrow(/provider_options: Unrecognized key/);
    expect(() => parseProviderOptions(synthetic, { timezone: "UTC" })).toThrow(
      /provider_options: provider "synthetic" takes no options/,
    );
  });

  it("leave the candle key unchanged when absent or equal to the defaults", () => {
    expect(parseProviderOptions(csv, undefined).keyPart).toBeUndefined();
    expect(parseProviderOptions(csv, { timezone: "UTC", align: "grid" }).keyPart).toBeUndefined();
    expect(parseProviderOptions(csv, { timezone: "America/New_York" }).keyPart).toBe(
      '{"align":"grid","timezone":"America/New_York"}',
    );
    const key = { provider: "csv", symbol: "X", timeframe: "1d", start: 1, end: 2, rawSourceVersion: "v" };
    expect(candleHash(key), "the spec's formula, byte for byte").toBe(sha256("csv|X|1d|1|2|v"));
    expect(candleHash({ ...key, options: '{"a":1}' })).toBe(sha256('csv|X|1d|1|2|v|{"a":1}'));
  });

  it("leave a config without them hashing as before", () => {
    const base = {
      symbol: "X",
      timeframe: "1d",
      start: 0,
      end: DAY,
      provider: "csv",
      strategy: { name: "s" },
    };
    const without = parseRunConfigShape(base);
    expect("provider_options" in without, "an absent block stays absent").toBe(false);
    const withOptions = parseRunConfigShape({ ...base, provider_options: { timezone: "Europe/Berlin" } });
    expect(configHash(withOptions)).not.toBe(configHash(without));
  });

  it("change what a run reads, and key the cache by it", async () => {
    const { load, spy } = setupCache({ "nyse-hourly.csv": "SPY" });
    const request = { provider: "csv", symbol: "SPY", timeframe: "1h", start: JAN2, end: JAN2 + 90 * DAY };
    await expect(load(request), "09:30 is off the UTC hour grid").rejects.toThrow(/not on the 1h grid/);
    const options = { timezone: "America/New_York", align: "session" };
    const first = await load({ ...request, providerOptions: options });
    expect(new Date(first.candles.ts[0]!).toISOString()).toBe("2024-03-07T14:30:00.000Z");
    expect(first.warnings.join("\n")).toMatch(/4 session\(s\) in America\/New_York/);
    const again = await load({ ...request, providerOptions: options });
    expect(again.fromCache).toBe(true);
    expect(again.warnings, "a cache hit repeats the data's warnings").toEqual(first.warnings);
    expect(spy.fetches.csv, "one failed and one successful read").toBe(2);
  });
});
