/**
 * User plugin files through the real studio (loadStudio: the home's catalog, the real pipeline, the worker
 * pool): what a run records, what editing a file changes, and how every kind of plugin failure ends.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "../core/hash.js";
import { runDir } from "../runs/run-paths.js";
import type { Studio } from "../runs/studio.js";
import type { HomePaths } from "../store/home.js";
import { loadStudio } from "./home-catalog.js";
import {
  CENTERED_INDICATOR,
  CROSS_STRATEGY,
  MEAN_INDICATOR,
  pluginHome,
  writePlugin,
} from "./test-support/plugin-home.js";

const config = (overrides: Record<string, unknown> = {}) => ({
  symbol: "SYN",
  timeframe: "1h",
  start: "2023-01-02",
  end: "2023-02-15",
  provider: "synthetic",
  strategy: { name: "my_cross", params: { fast: 5, slow: 20 } },
  ...overrides,
});

const open: Studio[] = [];
async function studioOf(home: HomePaths, options: { skipPluginCheck?: boolean } = {}) {
  const loaded = await loadStudio(home, options);
  open.push(loaded.studio);
  return loaded;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function runToEnd(studio: Studio, input: unknown, force = false) {
  const { run, reused } = studio.submit(input, { force });
  return { view: await studio.waitFor(run.run_id), reused };
}

const summaryOf = (home: HomePaths, runId: string) =>
  JSON.parse(readFileSync(path.join(runDir(home, runId), "summary.json"), "utf8"));

function withThreads<T>(threads: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.STUDIO_THREADS;
  process.env.STUDIO_THREADS = threads;
  return fn().finally(() => {
    if (before === undefined) delete process.env.STUDIO_THREADS;
    else process.env.STUDIO_THREADS = before;
  });
}

describe("user plugin files in runs", () => {
  it("runs a strategy file on an indicator file and keeps the code that ran in the run folder", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const { studio, plugins } = await studioOf(home);
    const { view } = await runToEnd(studio, config());
    expect(view.status, view.error_message ?? "").toBe("completed");
    const summary = summaryOf(home, view.run_id);
    const sha = Object.fromEntries(plugins.map((p) => [p.name, p.sha256]));
    expect(summary.plugins).toEqual([
      {
        family: "strategies",
        name: "my_cross",
        file: "strategies/my_cross.ts",
        sha256: sha.my_cross,
        look_ahead_check: "passed",
      },
      {
        family: "indicators",
        name: "mean",
        file: "indicators/mean.ts",
        sha256: sha.mean,
        look_ahead_check: "passed",
      },
    ]);
    const dir = runDir(home, view.run_id);
    const copied = readFileSync(path.join(dir, "plugins/mean.mjs"), "utf8");
    expect(sha256(copied), "the copy is the code the summary's sha256 names").toBe(sha.mean);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { name: string }) => f.name)).toEqual(
      expect.arrayContaining(["plugins/my_cross.mjs", "plugins/mean.mjs"]),
    );
    expect(
      readdirSync(path.join(home.cache, "plugins", "checked")).sort(),
      "both versions are remembered as checked",
    ).toEqual([`${sha.mean}.json`, `${sha.my_cross}.json`].sort());
  });

  it("gives an edited indicator a new run hash and a new feature cache entry; an unchanged one is reused", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const first = await runToEnd((await studioOf(home)).studio, config());
    const again = await runToEnd((await studioOf(home)).studio, config());
    expect(again.reused, "same code, same config: the run is reused").toBe(true);
    writePlugin(
      home,
      "indicators/mean.ts",
      MEAN_INDICATOR.replace("const OFFSET = 0;", "const OFFSET = 0.001;"),
    );
    const edited = await runToEnd((await studioOf(home)).studio, config());
    expect(edited.reused, "edited code is never a stale reuse").toBe(false);
    expect(edited.view.hash).not.toBe(first.view.hash);
    const features = (id: string) =>
      summaryOf(home, id).hashes.features as { feature_hash: string; from_cache: boolean }[];
    const before = features(first.view.run_id);
    const after = features(edited.view.run_id);
    expect(
      after.map((f) => f.from_cache),
      "computed again, not read from the old entry",
    ).toEqual([false, false]);
    expect(after.map((f) => f.feature_hash).some((h) => before.some((b) => b.feature_hash === h))).toBe(
      false,
    );
  });

  it("gives an edited strategy a new run hash, and keeps reading its unchanged indicator from the cache", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const first = await runToEnd((await studioOf(home)).studio, config());
    writePlugin(
      home,
      "strategies/my_cross.ts",
      CROSS_STRATEGY.replace("out[t] = fast[t] > slow[t] ? 1 : 0;", "out[t] = fast[t] >= slow[t] ? 1 : 0;"),
    );
    const edited = await runToEnd((await studioOf(home)).studio, config());
    expect(edited.view.status, edited.view.error_message ?? "").toBe("completed");
    expect(edited.reused, "edited code is never a stale reuse").toBe(false);
    expect(edited.view.hash, "the strategy's sha256 is in config_hash").not.toBe(first.view.hash);
    const plugins = (id: string) =>
      Object.fromEntries(
        summaryOf(home, id).plugins.map((p: { name: string; sha256: string }) => [p.name, p.sha256]),
      );
    expect(plugins(edited.view.run_id).my_cross).not.toBe(plugins(first.view.run_id).my_cross);
    expect(plugins(edited.view.run_id).mean, "the indicator did not change").toBe(
      plugins(first.view.run_id).mean,
    );
    const features = summaryOf(home, edited.view.run_id).hashes.features as { from_cache: boolean }[];
    expect(
      features.map((f) => f.from_cache),
      "an unchanged indicator's features come from the cache",
    ).toEqual([true, true]);
    const copy = readFileSync(path.join(runDir(home, edited.view.run_id), "plugins", "my_cross.mjs"), "utf8");
    expect(copy, "the run folder keeps the edited code").toContain(">=");
  });

  it("fails at submit a run that needs a broken file, with the file's error, and leaves other runs alone", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY.replace(
        "signal: ({ fast, slow }",
        "signal: ({ fast, slow }, , ",
      ),
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const { studio, broken } = await studioOf(home);
    expect(broken.map((b) => b.file)).toEqual(["strategies/my_cross.ts"]);
    expect(() => studio.submit(config())).toThrow(
      /^strategies\/my_cross\.ts: does not build: strategies\/my_cross\.ts:\d+:\d+: /,
    );
    try {
      studio.submit(config());
    } catch (err) {
      expect((err as { code: string }).code).toBe("PLUGIN_INVALID");
    }
    const other = await runToEnd(
      studio,
      config({ strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } } }),
    );
    expect(other.view.status).toBe("completed");
  });

  it("fails the run with PLUGIN_FAILED when a plugin throws, writes NaN targets or returns a short output", async () => {
    const cases = {
      throws: [
        CROSS_STRATEGY.replace(
          "for (let t = 0;",
          'if (out.length > 10) throw new Error("cannot decide");\n    for (let t = 0;',
        ),
        MEAN_INDICATOR,
        /^strategy "my_cross" \(strategies\/my_cross\.ts\) threw: cannot decide$/,
      ],
      nan: [
        CROSS_STRATEGY.replace("? 1 : 0;", "? 1 : t > 700 ? Number.NaN : 0;"),
        MEAN_INDICATOR,
        /^strategy "my_cross" \(strategies\/my_cross\.ts\) wrote a non-finite target NaN at bar \d+/,
      ],
      short: [
        CROSS_STRATEGY,
        MEAN_INDICATOR.replace("return { value };", "return { value: value.subarray(1) };"),
        /indicator "mean" \(indicators\/mean\.ts\).*length/,
      ],
    } as const;
    for (const [label, [strategy, indicator, message]] of Object.entries(cases)) {
      const home = pluginHome({ "strategies/my_cross.ts": strategy, "indicators/mean.ts": indicator });
      // The first-use check refuses leaks only: these failures are the run's to report, on the real data.
      const { view } = await runToEnd((await studioOf(home)).studio, config());
      expect([view.status, view.error_code], label).toEqual(["failed", "PLUGIN_FAILED"]);
      expect(view.error_message, label).toMatch(message);
      expect(existsSync(runDir(home, view.run_id)), `${label}: no run folder is left`).toBe(false);
    }
  });

  it("refuses a leaking indicator at submit, and records a skipped check when an expert skips it", async () => {
    const strategy = CROSS_STRATEGY.replace('slow: { name: "mean"', 'slow: { name: "centered"');
    const home = pluginHome({
      "strategies/my_cross.ts": strategy,
      "indicators/mean.ts": MEAN_INDICATOR,
      "indicators/centered.ts": CENTERED_INDICATOR,
    });
    const { studio } = await studioOf(home);
    expect(() => studio.submit(config())).toThrow(
      /^indicators\/centered\.ts: indicator "centered" fails the look-ahead check: look-ahead: value\[\d+\] changed by /,
    );
    const skipped = await runToEnd((await studioOf(home, { skipPluginCheck: true })).studio, config());
    expect(skipped.view.status).toBe("completed");
    expect(
      summaryOf(home, skipped.view.run_id).plugins.map(
        (p: { look_ahead_check: string }) => p.look_ahead_check,
      ),
    ).toEqual(["skipped", "skipped", "skipped"]);
  });

  it("refuses in the workers a file changed after the studio loaded it", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const { studio } = await studioOf(home);
    writePlugin(home, "indicators/mean.ts", MEAN_INDICATOR.replace("const OFFSET = 0;", "const OFFSET = 1;"));
    const { view } = await withThreads("1", () =>
      runToEnd(studio, config({ validation: { permutation: { n: 4 } } })),
    );
    expect([view.status, view.error_code]).toEqual(["failed", "PLUGIN_INVALID"]);
    expect(view.error_message).toMatch(
      /^indicators\/mean\.ts changed while the run was using it: the run's indicator "mean" is sha256 [0-9a-f]{12}, the file is now [0-9a-f]{12}/,
    );
  });

  it("gives byte-identical validation on 0, 1 and 2 worker threads for a user strategy", async () => {
    const home = pluginHome({
      "strategies/my_cross.ts": CROSS_STRATEGY,
      "indicators/mean.ts": MEAN_INDICATOR,
    });
    const { studio } = await studioOf(home);
    const input = config({
      validation: {
        permutation: { n: 12 },
        wfo: { windows: 2, grid: { fast: [3, 5], slow: [15, 25] } },
      },
    });
    const outputs: string[] = [];
    for (const threads of ["0", "1", "2"]) {
      const { view } = await withThreads(threads, () => runToEnd(studio, input, true));
      expect(view.status, `${threads} threads: ${view.error_message}`).toBe("completed");
      const dir = runDir(home, view.run_id);
      outputs.push(
        readFileSync(path.join(dir, "validation_summary.json"), "utf8") +
          readFileSync(path.join(dir, "metrics.json"), "utf8"),
      );
      if (threads === "0") {
        const v = JSON.parse(readFileSync(path.join(dir, "validation_summary.json"), "utf8"));
        expect(v.wfo.trials, "the walk-forward grid really ran").toBe(4);
      }
    }
    expect(outputs[1], "1 thread = in-thread").toBe(outputs[0]);
    expect(outputs[2], "2 threads = in-thread").toBe(outputs[0]);
  });
});
