/**
 * The shipped strategy examples run end to end through the real binary, as their comments tell a user to: in a
 * home made by `studio init` (its sample CSV), the RSI trend `rules` config as is, and the Keltner breakout
 * config once its module and indicator are copied into the home's plugin folders; each with the validation it
 * ships with, and the Keltner run folder keeping the code that ran.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { studio, tempHome } from "../test-support/studio-cli.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const example = (rel: string) => path.join(ROOT, "examples", rel);

describe("examples/strategies (real binary)", () => {
  it("runs the RSI trend rules config and the Keltner module with its indicator in an init home", async () => {
    const home = path.join(tempHome(), "lab");
    expect((await studio(["init", home])).code).toBe(0);

    const rules = await studio(["--home", home, "--json", "run", example("strategies/rsi_trend_rules.json")]);
    expect(rules.code, rules.stderr).toBe(0);
    const rulesRun = JSON.parse(rules.stdout);
    expect(rulesRun.status).toBe("completed");
    expect(rulesRun.metrics.trade_count, "the rules trade on the sample").toBeGreaterThan(0);
    const rulesSummary = JSON.parse(readFileSync(path.join(rulesRun.run_dir, "summary.json"), "utf8"));
    expect(rulesSummary.plugins, "a rules config uses no user code").toEqual([]);
    const validation = JSON.parse(
      readFileSync(path.join(rulesRun.run_dir, "validation_summary.json"), "utf8"),
    );
    expect(Object.keys(validation), "the shipped permutation and walk-forward ran").toEqual(
      expect.arrayContaining(["permutation", "wfo"]),
    );

    copyFileSync(example("indicators/keltner.ts"), path.join(home, "indicators", "keltner.ts"));
    copyFileSync(
      example("strategies/keltner_breakout.ts"),
      path.join(home, "strategies", "keltner_breakout.ts"),
    );
    const keltner = await studio([
      "--home",
      home,
      "--json",
      "run",
      example("strategies/keltner_breakout.json"),
    ]);
    expect(keltner.code, keltner.stderr).toBe(0);
    expect(keltner.stderr, "every plugin of the home loads").not.toMatch(/PLUGIN_INVALID/);
    const keltnerRun = JSON.parse(keltner.stdout);
    expect(keltnerRun.metrics.trade_count).toBeGreaterThan(0);
    const summary = JSON.parse(readFileSync(path.join(keltnerRun.run_dir, "summary.json"), "utf8"));
    expect(summary.plugins.map((p: { file: string }) => p.file).sort()).toEqual([
      "indicators/keltner.ts",
      "strategies/keltner_breakout.ts",
    ]);
    const manifest = JSON.parse(readFileSync(path.join(keltnerRun.run_dir, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["plugins/keltner.mjs", "plugins/keltner_breakout.mjs"]),
    );
    const verify = await studio(["--home", home, "--json", "runs", "verify", keltnerRun.run_id]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).ok, "the plugin copies verify like every artifact").toBe(true);
  });
});
