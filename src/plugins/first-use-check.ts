/**
 * @module plugins/first-use-check
 * The look-ahead check, run automatically the first time a user plugin version is used: `checkPlugin` on a
 * short sample (300 bars of each sample series) with the params the run uses. A version that passes is
 * remembered as `{home}/cache/plugins/checked/{sha256}.json` (the report), so later runs of the same code do not
 * pay again; a version that leaks (a value at or before bar k moves with the candles after k) refuses the run
 * with PLUGIN_INVALID quoting the leak. The other checks are `studio plugins check`'s business: a plugin that
 * throws or writes NaN fails its run with PLUGIN_FAILED, on the real data, as always. An expert can
 * skip the check (`--skip-plugin-check`, `openStudio(home, { skipPluginCheck: true })`); the run's summary then
 * says `look_ahead_check: "skipped"` for every user plugin it used.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../core/catalog/catalog.js";
import { describeOrigin } from "../core/catalog/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { checkPlugin } from "./check-plugin.js";
import { pluginCacheDir } from "./import-bundle.js";
import type { UsedPlugin } from "./used-plugins.js";

/** Bars of each sample series the automatic check runs on. */
export const FIRST_USE_BARS = 300;

/**
 * `passed`: no leak on the sample; `skipped`: the expert flag; `incomplete`: the plugin failed on the sample
 * before the leak checks could run (the run then reports its own failure, PLUGIN_FAILED on the real data, or
 * goes ahead unchecked if the real data does not trip it; the version is not remembered, so it is checked again).
 */
export type LookAheadStatus = "passed" | "skipped" | "incomplete";

/** The checks that find a leak; only these refuse a run (others are the run's own PLUGIN_FAILED to report). */
const LEAK_CHECKS: readonly string[] = ["look_ahead", "prefix"];

function checkedFile(home: HomePaths, sha: string): string {
  return path.join(pluginCacheDir(home), "checked", `${sha}.json`);
}

export const pluginKey = (p: Pick<UsedPlugin, "family" | "name">): string => `${p.family}:${p.name}`;

/**
 * Checks every plugin of `used` not checked before; PLUGIN_INVALID on the first that leaks. Returns each
 * plugin's status by `pluginKey`.
 */
export function ensureLookAheadChecked(
  home: HomePaths,
  catalog: Catalog,
  used: readonly UsedPlugin[],
  options: { readonly skip?: boolean } = {},
): Record<string, LookAheadStatus> {
  const statuses: Record<string, LookAheadStatus> = {};
  if (options.skip) {
    for (const plugin of used) statuses[pluginKey(plugin)] = "skipped";
    return statuses;
  }
  // Indicators first: a leak in an indicator is reported at its source, not through the strategy reading it.
  const ordered = [...used].sort((a, b) => (a.family === b.family ? 0 : a.family === "indicators" ? -1 : 1));
  for (const plugin of ordered) {
    const file = checkedFile(home, plugin.origin.sha256);
    if (existsSync(file)) {
      statuses[pluginKey(plugin)] = "passed";
      continue;
    }
    const report = checkPlugin(plugin.def, { catalog, params: plugin.params, bars: FIRST_USE_BARS });
    const leak = report.results.find((r) => r.failure && LEAK_CHECKS.includes(r.check))?.failure;
    if (leak) {
      const noun = plugin.family === "strategies" ? "strategy" : "indicator";
      throw new StudioError(
        "PLUGIN_INVALID",
        `${describeOrigin(plugin.origin)}: ${noun} ${quote(plugin.name)} fails the look-ahead check: ${leak.message}; \`studio plugins check ${plugin.name}\` prints the full report (an expert can skip the check with --skip-plugin-check)`,
        { file: plugin.origin.file, name: plugin.name, sha256: plugin.origin.sha256, failure: leak },
      );
    }
    const ran = report.results.some((r) => r.check === "look_ahead" && !r.failure);
    statuses[pluginKey(plugin)] = ran ? "passed" : "incomplete";
    if (!ran) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  return statuses;
}
