import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extendCatalog, inlineOrigin } from "../core/catalog/catalog.js";
import { tempHome } from "../data/test-support/temp-home.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import type { IndicatorDef } from "../indicators/types.js";
import { ensureLookAheadChecked } from "./first-use-check.js";
import { centeredSma, shortLookback } from "./test-support/leaky-indicators.js";
import type { UsedPlugin } from "./used-plugins.js";

const used = (def: IndicatorDef, params: Record<string, unknown>): UsedPlugin => ({
  family: "indicators",
  name: def.name,
  def,
  origin: inlineOrigin(def) as Exclude<UsedPlugin["origin"], "builtin">,
  params: [params],
});
const catalog = extendCatalog(engineCatalog(), { indicators: [centeredSma, shortLookback] });
const remembered = (home: ReturnType<typeof tempHome>, p: UsedPlugin) =>
  existsSync(path.join(home.cache, "plugins", "checked", `${p.origin.sha256}.json`));

describe("ensureLookAheadChecked", () => {
  it("refuses a leaking plugin with PLUGIN_INVALID quoting the leak, and remembers nothing", () => {
    const home = tempHome();
    const leaky = used(centeredSma, { period: 5 });
    expect(() => ensureLookAheadChecked(home, catalog, [leaky])).toThrow(
      /^a plugin passed in code \(sha256 [0-9a-f]{12}\): indicator "centered_sma" fails the look-ahead check: look-ahead: value\[2\] changed by /,
    );
    expect(remembered(home, leaky)).toBe(false);
  });

  it("lets a plugin through that only breaks a non-leak property, and remembers the passed version", () => {
    const home = tempHome();
    const wrongLookback = used(shortLookback, { period: 5 });
    expect(ensureLookAheadChecked(home, catalog, [wrongLookback])).toEqual({
      "indicators:short_lookback": "passed",
    });
    expect(remembered(home, wrongLookback), "the sha256 is remembered").toBe(true);
  });

  it("records skipped checks without running them", () => {
    const home = tempHome();
    const leaky = used(centeredSma, { period: 5 });
    expect(ensureLookAheadChecked(home, catalog, [leaky], { skip: true })).toEqual({
      "indicators:centered_sma": "skipped",
    });
  });

  it("calls a check that could not run incomplete and checks that version again next time", () => {
    const home = tempHome();
    const throwing: IndicatorDef = {
      ...shortLookback,
      name: "throws_on_samples",
      compute: () => {
        throw new Error("no");
      },
    };
    const p = used(throwing, { period: 5 });
    expect(ensureLookAheadChecked(home, extendCatalog(catalog, { indicators: [throwing] }), [p])).toEqual({
      "indicators:throws_on_samples": "incomplete",
    });
    expect(remembered(home, p)).toBe(false);
  });
});
