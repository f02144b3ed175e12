import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256 } from "../core/hash.js";
import { builtinCatalog } from "../runs/builtin-catalog.js";
import { bundleFile } from "./import-bundle.js";
import { loadPlugins } from "./load-plugins.js";
import { CROSS_STRATEGY, MEAN_INDICATOR, pluginHome, writePlugin } from "./test-support/plugin-home.js";

const brokenOf = (load: Awaited<ReturnType<typeof loadPlugins>>) =>
  Object.fromEntries(load.broken.map((b) => [b.file, b.error]));

describe("loadPlugins", () => {
  it("adds a strategy and an indicator file to the catalog, versioned by the sha256 of their bundle", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken, "nothing broken").toEqual([]);
    expect(load.plugins.map((p) => [p.kind, p.name, p.file])).toEqual([
      ["indicator", "mean", "indicators/mean.ts"],
      ["strategy", "my_cross", "strategies/my_cross.ts"],
    ]);
    const strategy = load.plugins[1]!;
    expect(load.catalog.strategies.my_cross, "the imported definition is in the catalog").toBe(strategy.def);
    expect(load.catalog.origins.strategies.my_cross).toEqual({
      file: "strategies/my_cross.ts",
      sha256: strategy.sha256,
    });
    expect(load.catalog.strategies.sma_crossover, "built-ins stay").toBeDefined();
    const kept = readFileSync(bundleFile(home, strategy.sha256), "utf8");
    expect(sha256(kept), "the kept bundle is the code the sha256 names").toBe(strategy.sha256);
    expect(kept, "backtest-studio stays a bare import in the hashed bundle").toContain(
      'from "backtest-studio"',
    );
    expect(kept, "types are gone: transpiled without a type check").not.toContain(": number");
  });

  it("counts local imports in the version: editing a helper module gives a new sha256", async () => {
    const source = `import { defineIndicator, z } from "backtest-studio";
import { scale } from "./lib/scale.ts";
export default defineIndicator({
  name: "scaled", summary: "Close times a constant.", schema: z.strictObject({}), outputs: ["value"],
  lookback: () => 0, compute: (c) => ({ value: c.close.map((x) => x * scale) }),
});`;
    const home = pluginHome({
      "indicators/scaled.ts": source,
      "indicators/lib/scale.ts": "export const scale = 2;",
    });
    const first = (await loadPlugins(home, builtinCatalog())).plugins;
    expect(
      first.map((p) => p.name),
      "lib/ is not a plugin folder",
    ).toEqual(["scaled"]);
    writePlugin(home, "indicators/lib/scale.ts", "export const scale = 3;");
    const second = (await loadPlugins(home, builtinCatalog())).plugins;
    expect(second[0]!.sha256).not.toBe(first[0]!.sha256);
  });

  it("resolves other bare imports from the home's node_modules", async () => {
    const home = pluginHome({
      "node_modules/tiny-offset/package.json": JSON.stringify({
        name: "tiny-offset",
        type: "module",
        main: "index.js",
      }),
      "node_modules/tiny-offset/index.js": "export const offset = 0.5;",
      "indicators/shifted.mjs": `import { defineIndicator, z } from "backtest-studio";
import { offset } from "tiny-offset";
export default defineIndicator({ name: "shifted", summary: "Close plus an offset.", schema: z.strictObject({}),
  outputs: ["value"], lookback: () => 0, compute: (c) => ({ value: c.close.map((x) => x + offset) }) });`,
    });
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken).toEqual([]);
    const out = load.catalog.indicators.shifted!.compute(
      {
        ts: new Float64Array([0]),
        open: new Float64Array([1]),
        high: new Float64Array([1]),
        low: new Float64Array([1]),
        close: new Float64Array([1]),
        volume: new Float64Array([1]),
      },
      {},
    );
    expect(Array.from(out.value!), "the package's value is inlined").toEqual([1.5]);
  });

  it("names the file, line and column of a syntax error and still loads the other files", async () => {
    const home = pluginHome({
      "strategies/typo.ts":
        'import { defineStrategy } from "backtest-studio";\nconst x: number = 1;\nexport default defineStrategy({ name: "typo", summary: "x" +, });\n',
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const load = await loadPlugins(home, builtinCatalog());
    const error = brokenOf(load)["strategies/typo.ts"]!;
    expect(error.code).toBe("PLUGIN_INVALID");
    expect(error.message.split("\n")[0]).toBe(
      'strategies/typo.ts: does not build: strategies/typo.ts:3:61: Unexpected ","',
    );
    expect(error.details).toMatchObject({ file: "strategies/typo.ts", line: 3, column: 61 });
    expect(load.catalog.indicators.mean, "the good file loaded").toBeDefined();
    expect(load.broken[0]!.name, "a run naming the file's stem finds its error").toBe("typo");
  });

  it("reports an unresolvable import with its position", async () => {
    const home = pluginHome({
      "indicators/needs.ts": 'import { x } from "not-installed-anywhere";\nexport default x;\n',
    });
    const error = brokenOf(await loadPlugins(home, builtinCatalog()))["indicators/needs.ts"]!;
    expect(error.message).toMatch(
      /^indicators\/needs\.ts: does not build: indicators\/needs\.ts:1:19: Could not resolve "not-installed-anywhere"/,
    );
  });

  it("reports a module that throws while importing", async () => {
    const home = pluginHome({ "indicators/boom.js": 'throw new Error("boom at import");\n' });
    const error = brokenOf(await loadPlugins(home, builtinCatalog()))["indicators/boom.js"]!;
    expect(error.message).toBe("indicators/boom.js: failed while importing: boom at import");
  });

  it("refuses a default export that is not a valid definition of the folder's kind", async () => {
    const home = pluginHome({
      "strategies/none.ts": "export const x = 1;\n",
      "strategies/wrong_folder.ts": MEAN_INDICATOR.replace('name: "mean"', 'name: "wrong_folder"'),
      "strategies/no_signal.ts":
        'import { z } from "backtest-studio";\nexport default { name: "no_signal", summary: "s", schema: z.strictObject({}), inputs: () => ({}) };\n',
      "indicators/no_default.ts":
        'import { defineIndicator, z } from "backtest-studio";\nexport default defineIndicator({ name: "no_default", summary: "s", schema: z.strictObject({ period: z.int() }), outputs: ["v"], lookback: () => 0, compute: (c) => ({ v: c.close }) });\n',
      "indicators/bad_lookback.ts":
        'import { defineIndicator, z } from "backtest-studio";\nexport default defineIndicator({ name: "bad_lookback", summary: "s", schema: z.strictObject({}), outputs: ["v"], lookback: () => 1.5, compute: (c) => ({ v: c.close }) });\n',
    });
    const errors = brokenOf(await loadPlugins(home, builtinCatalog()));
    const messages = Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, e.message]));
    expect(messages["strategies/none.ts"]).toMatch(
      /^strategies\/none\.ts: has no plugin as its default export \(got undefined\); end the file with `export default defineStrategy/,
    );
    expect(messages["strategies/wrong_folder.ts"]).toBe(
      "strategies/wrong_folder.ts: is in strategies/ but exports an indicator; move it to indicators/",
    );
    expect(messages["strategies/no_signal.ts"]).toMatch(
      /^strategies\/no_signal\.ts: strategy "no_signal" from strategies\/no_signal\.ts has no `signal` function/,
    );
    expect(messages["indicators/no_default.ts"]).toBe(
      "indicators/no_default.ts: params schema rejects {}: give every field a default (`.default(...)`); fields without one: period",
    );
    expect(messages["indicators/bad_lookback.ts"]).toBe(
      "indicators/bad_lookback.ts: lookback(default params) must be a whole number of bars >= 0, got 1.5",
    );
    expect(Object.values(errors).every((e) => e.code === "PLUGIN_INVALID")).toBe(true);
  });

  it("refuses a name taken by a built-in, naming the built-in and the file", async () => {
    const home = pluginHome({ "indicators/sma.ts": MEAN_INDICATOR.replace('name: "mean"', 'name: "sma"') });
    const load = await loadPlugins(home, builtinCatalog());
    expect(brokenOf(load)["indicators/sma.ts"]!.message).toBe(
      'indicators/sma.ts: indicator "sma" is defined twice: by the built-in and by indicators/sma.ts',
    );
    expect(load.catalog.origins.indicators.sma, "the built-in stays").toBe("builtin");
  });

  it("refuses a name defined by two files, naming both, and keeps neither", async () => {
    const home = pluginHome({ "indicators/a.ts": MEAN_INDICATOR, "indicators/b.ts": MEAN_INDICATOR });
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken.map((b) => [b.file, b.error.message])).toEqual([
      [
        "indicators/a.ts",
        'indicator "mean" is defined by 2 files: indicators/a.ts and indicators/b.ts; rename all but one',
      ],
      [
        "indicators/b.ts",
        'indicator "mean" is defined by 2 files: indicators/a.ts and indicators/b.ts; rename all but one',
      ],
    ]);
    expect(load.catalog.indicators.mean).toBeUndefined();
  });

  it("refuses a user strategy and a user indicator sharing a name, naming both files", async () => {
    const home = pluginHome({
      "strategies/mean.ts": CROSS_STRATEGY.replace('name: "my_cross"', 'name: "mean"'),
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const load = await loadPlugins(home, builtinCatalog());
    const message =
      'user plugin "mean" is defined by 2 files: indicators/mean.ts and strategies/mean.ts (a user strategy and a user indicator cannot share a name); rename all but one';
    expect(
      load.broken.map((b) => [b.file, b.error.code, b.error.message]),
      "both files refused: the run folder keeps each plugin's code as plugins/NAME.mjs",
    ).toEqual([
      ["indicators/mean.ts", "PLUGIN_INVALID", message],
      ["strategies/mean.ts", "PLUGIN_INVALID", message],
    ]);
    expect(load.catalog.indicators.mean, "neither is in the catalog").toBeUndefined();
    expect(load.catalog.strategies.mean).toBeUndefined();
  });

  it("refuses a plugin file that is a symlink out of the home, and accepts one that stays inside", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "evil.ts"), MEAN_INDICATOR.replace('name: "mean"', 'name: "evil"'));
    const home = pluginHome({ "shared/mean.ts": MEAN_INDICATOR });
    writePlugin(home, "indicators/.keep", "");
    symlinkSync(path.join(outside, "evil.ts"), path.join(home.root, "indicators", "evil.ts"));
    symlinkSync(path.join(home.root, "shared", "mean.ts"), path.join(home.root, "indicators", "mean.ts"));
    const load = await loadPlugins(home, builtinCatalog());
    expect(brokenOf(load)["indicators/evil.ts"]!.message).toMatch(
      /^indicators\/evil\.ts: is a symlink to .*evil\.ts, outside the studio home; plugin files must live in the home$/,
    );
    expect(load.catalog.indicators.evil, "nothing of the outside file ran").toBeUndefined();
    expect(load.catalog.indicators.mean, "a symlink inside the home is fine").toBeDefined();
  });

  it("refuses a plugin folder that is a symlink out of the home", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "outside-"));
    writeFileSync(path.join(outside, "mean.ts"), MEAN_INDICATOR);
    const home = pluginHome();
    symlinkSync(outside, path.join(home.root, "indicators"));
    const load = await loadPlugins(home, builtinCatalog());
    expect(load.broken.map((b) => b.error.message)).toEqual([
      expect.stringMatching(
        /^indicators: is a symlink to .*, outside the studio home; plugin folders must live in the home$/,
      ),
    ]);
    expect(existsSync(path.join(home.cache, "plugins")), "nothing was bundled").toBe(false);
  });
});
