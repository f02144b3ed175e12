import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CENTERED_INDICATOR,
  CROSS_STRATEGY,
  MEAN_INDICATOR,
  writePlugin,
} from "../../plugins/test-support/plugin-home.js";
import { resolveHome } from "../../store/home.js";
import { studio, tempHome, writeJson } from "../test-support/studio-cli.js";

describe("studio init, plugins and user plugin runs (real binary)", () => {
  it("makes a home whose example runs, lists and checks, and prints the next commands", async () => {
    const root = path.join(tempHome(), "lab");
    const init = await studio(["init", root]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`studio --home ${root} run ${path.join(root, "example.json")}`);
    expect(init.stdout).toContain(`studio --home ${root} plugins check example`);
    const again = await studio(["--json", "init", root]);
    expect(JSON.parse(again.stdout), "nothing is overwritten").toMatchObject({
      written: [],
      kept: ["data/SAMPLE.csv", "indicators/example.ts", "strategies/example.ts", "example.json"],
    });

    // The example's own validation, smaller: a walk-forward over two periods and a few permutations.
    const run = await studio([
      "--home",
      root,
      "--json",
      "run",
      path.join(root, "example.json"),
      "--set",
      'validation={"permutation":{"n":5},"wfo":{"windows":2,"grid":{"period":[10,14]}}}',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.status).toBe("completed");
    const summary = JSON.parse(readFileSync(path.join(out.run_dir, "summary.json"), "utf8"));
    expect(summary.plugins.map((p: { file: string }) => p.file)).toEqual([
      "strategies/example.ts",
      "indicators/example.ts",
    ]);

    const list = await studio(["--home", root, "--json", "plugins", "list"]);
    const catalog = JSON.parse(list.stdout);
    const example = catalog.strategies.find((s: { name: string }) => s.name === "example");
    expect(example).toMatchObject({ origin: "strategies/example.ts", sha256: summary.plugins[0].sha256 });
    expect(catalog.strategies.find((s: { name: string }) => s.name === "sma_crossover").origin).toBe(
      "builtin",
    );

    const check = await studio(["--home", root, "plugins", "check", "example"]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^strategy example: passes the look-ahead check/m);
    const indicator = await studio(["--home", root, "plugins", "check", "range_position"]);
    expect(indicator.code, indicator.stdout + indicator.stderr).toBe(0);
    expect(indicator.stdout).toMatch(/^indicator range_position: passes the look-ahead check/m);
    expect(list.stderr, "init's two files load without a clash").not.toMatch(/PLUGIN_INVALID/);
  });

  it("exits 1 on a leaking indicator, printing the first leaking bar, k and the change", async () => {
    const home = resolveHome(tempHome());
    writePlugin(home, "indicators/centered.ts", CENTERED_INDICATOR);
    const r = await studio(["--home", home.root, "plugins", "check", "centered"]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^indicator centered: FAILS the look-ahead check/);
    expect(r.stdout).toMatch(/^ {2}FAIL look_ahead: look-ahead: value\[3\] changed by [\d.]+ /m);
    expect(r.stdout).toMatch(/^first leaking bar 3 \(value\), k = 3, change [\d.]+, params \{"period":6\}$/m);
    const json = await studio(["--home", home.root, "--json", "plugins", "check", "centered"]);
    expect(JSON.parse(json.stdout).failure).toMatchObject({ check: "look_ahead", bar: 3, k: 3 });
  });

  it("runs a user strategy from a config, refuses a leaking one unless skipped, and reports broken files", async () => {
    const home = resolveHome(tempHome());
    writePlugin(home, "strategies/my_cross.ts", CROSS_STRATEGY);
    writePlugin(home, "indicators/mean.ts", MEAN_INDICATOR);
    writePlugin(home, "indicators/centered.ts", CENTERED_INDICATOR);
    writePlugin(home, "indicators/broken.ts", "export default {\n");
    const config = {
      symbol: "SYN",
      timeframe: "1h",
      start: "2024-01-01",
      end: "2024-01-31",
      provider: "synthetic",
      strategy: { name: "my_cross", params: { fast: 5, slow: 20 } },
    };
    const good = await studio([
      "--home",
      home.root,
      "--json",
      "run",
      writeJson(home.root, "good.json", config),
    ]);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stderr, "a broken file is a warning naming it").toMatch(
      /^warning PLUGIN_INVALID: indicators\/broken\.ts: does not build: indicators\/broken\.ts:2:1: /m,
    );
    writePlugin(
      home,
      "strategies/my_cross.ts",
      CROSS_STRATEGY.replace('slow: { name: "mean"', 'slow: { name: "centered"'),
    );
    const leaky = await studio(["--home", home.root, "run", path.join(home.root, "good.json")]);
    expect(leaky.code).toBe(1);
    expect(leaky.stderr).toMatch(
      /^error PLUGIN_INVALID: indicators\/centered\.ts: indicator "centered" fails the look-ahead check/m,
    );
    const skipped = await studio([
      "--home",
      home.root,
      "--skip-plugin-check",
      "--json",
      "run",
      path.join(home.root, "good.json"),
    ]);
    expect(skipped.code, skipped.stdout).toBe(0);
    const summary = JSON.parse(
      readFileSync(path.join(JSON.parse(skipped.stdout).run_dir, "summary.json"), "utf8"),
    );
    expect(new Set(summary.plugins.map((p: { look_ahead_check: string }) => p.look_ahead_check))).toEqual(
      new Set(["skipped"]),
    );
    writeFileSync(
      path.join(home.root, "broken.json"),
      JSON.stringify({ ...config, indicators: [{ name: "broken" }] }),
    );
    const needsBroken = await studio([
      "--home",
      home.root,
      "--json",
      "run",
      path.join(home.root, "broken.json"),
    ]);
    expect(JSON.parse(needsBroken.stdout).error).toMatchObject({ code: "PLUGIN_INVALID" });
  });
});
