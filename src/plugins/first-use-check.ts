/**
 * @module plugins/first-use-check
 * The look-ahead check, run automatically the first time a user plugin version is used: `checkPlugin` on a
 * short sample (300 bars of each sample series) with the params the run uses. A version that passes is
 * remembered as `{home}/cache/plugins/checked/{sha256}.json` (the report), so later runs of the same code do not
 * pay again; a version that fails refuses the run with PLUGIN_INVALID quoting the first failure. An expert can
 * skip the check (`--skip-plugin-check`, `openStudio(home, { skipPluginCheck: true })`); the run's summary then
 * says `look_ahead_check: "skipped"` for every user plugin it used.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "../core/catalog.js";
import { describeOrigin } from "../core/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { checkPlugin } from "./check-plugin.js";
import { pluginCacheDir } from "./import-bundle.js";
import type { UsedPlugin } from "./used-plugins.js";

/** Bars of each sample series the automatic check runs on. */
export const FIRST_USE_BARS = 300;

export type LookAheadStatus = "passed" | "skipped";

function checkedFile(home: HomePaths, sha: string): string {
  return path.join(pluginCacheDir(home), "checked", `${sha}.json`);
}

/** Checks every plugin of `used` not checked before; PLUGIN_INVALID on the first that fails. */
export function ensureLookAheadChecked(
  home: HomePaths,
  catalog: Catalog,
  used: readonly UsedPlugin[],
  options: { readonly skip?: boolean } = {},
): LookAheadStatus {
  if (options.skip) return "skipped";
  // Indicators first: a leak in an indicator is reported at its source, not through the strategy reading it.
  const ordered = [...used].sort((a, b) => (a.family === b.family ? 0 : a.family === "indicators" ? -1 : 1));
  for (const plugin of ordered) {
    const file = checkedFile(home, plugin.origin.sha256);
    if (existsSync(file)) continue;
    const report = checkPlugin(plugin.def, { catalog, params: plugin.params, bars: FIRST_USE_BARS });
    if (!report.ok) {
      const noun = plugin.family === "strategies" ? "strategy" : "indicator";
      throw new StudioError(
        "PLUGIN_INVALID",
        `${describeOrigin(plugin.origin)}: ${noun} ${quote(plugin.name)} fails the look-ahead check: ${report.failure!.message}; \`studio plugins check ${plugin.name}\` prints the full report (an expert can skip the check with --skip-plugin-check)`,
        {
          file: plugin.origin.file,
          name: plugin.name,
          sha256: plugin.origin.sha256,
          failure: report.failure,
        },
      );
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
  }
  return "passed";
}
