/**
 * @module plugins/run-plugins
 * What a run records about the user plugins it uses: for `summary.json`, each plugin's family, name, file and
 * sha256 and whether the look-ahead check passed or was skipped; for the run folder, the exact bundle of each
 * plugin loaded from a file (read back from the plugin cache and checked against its sha256, so the copy is the
 * code the hash names). The first-use look-ahead check runs here too, so a run resumed by another process is
 * checked like a submitted one.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Catalog } from "../core/catalog/catalog.js";
import { quote, StudioError } from "../core/errors.js";
import { sha256 } from "../core/hash.js";
import type { RunConfig } from "../core/run-config.js";
import type { HomePaths } from "../store/home.js";
import { ensureLookAheadChecked, type LookAheadStatus, pluginKey } from "./first-use-check.js";
import { bundleFile } from "./import-bundle.js";
import { usedPlugins } from "./used-plugins.js";

export interface RunPluginRecord {
  readonly family: "strategies" | "indicators";
  readonly name: string;
  /** Relative to the home; null for a plugin passed in memory. */
  readonly file: string | null;
  readonly sha256: string;
  readonly look_ahead_check: LookAheadStatus;
}

export interface RunPlugins {
  readonly records: readonly RunPluginRecord[];
  readonly code: readonly {
    readonly family: "strategies" | "indicators";
    readonly name: string;
    readonly code: string;
  }[];
}

export function prepareRunPlugins(
  home: HomePaths,
  catalog: Catalog,
  config: RunConfig,
  options: { readonly skipPluginCheck?: boolean } = {},
): RunPlugins {
  const used = usedPlugins(config, catalog);
  const statuses = ensureLookAheadChecked(home, catalog, used, { skip: options.skipPluginCheck });
  const records: RunPluginRecord[] = [];
  const code: RunPlugins["code"][number][] = [];
  for (const p of used) {
    const file = p.origin.file ?? null;
    const look_ahead_check = statuses[pluginKey(p)]!;
    records.push({ family: p.family, name: p.name, file, sha256: p.origin.sha256, look_ahead_check });
    if (file === null) continue;
    const kept = bundleFile(home, p.origin.sha256);
    const text = existsSync(kept) ? readFileSync(kept, "utf8") : undefined;
    if (text === undefined || sha256(text) !== p.origin.sha256) {
      throw new StudioError(
        "PLUGIN_INVALID",
        `${file}: the bundled code of ${quote(p.name)} (sha256 ${p.origin.sha256.slice(0, 12)}) is missing from the plugin cache; open the studio again to reload the plugin`,
        { file, sha256: p.origin.sha256 },
      );
    }
    code.push({ family: p.family, name: p.name, code: text });
  }
  return { records, code };
}
