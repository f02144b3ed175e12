/**
 * @module sweeps/transport/plugin-shas
 * The user plugins of a catalog as `family/name -> sha256` (built-ins left out: the code version covers them).
 * A sweep job carries the coordinator's map; a worker whose own map differs would run other code under the
 * same trial index, so it refuses the job with PLUGIN_INVALID naming the first difference.
 */
import type { Catalog, Family } from "../../core/catalog/catalog.js";
import { quote, StudioError } from "../../core/errors.js";

export function pluginShas(catalog: Catalog): Record<string, string> {
  const out: Record<string, string> = {};
  for (const family of Object.keys(catalog.origins).sort() as Family[]) {
    for (const [name, origin] of Object.entries(catalog.origins[family]).sort(([a], [b]) =>
      a < b ? -1 : 1,
    )) {
      if (origin !== "builtin") out[`${family}/${name}`] = origin.sha256;
    }
  }
  return out;
}

/** PLUGIN_INVALID unless `mine` (this worker's) equals `expected` (the coordinator's). */
export function assertSamePlugins(
  expected: Readonly<Record<string, string>>,
  mine: Readonly<Record<string, string>>,
): void {
  for (const key of new Set([...Object.keys(expected), ...Object.keys(mine)])) {
    if (expected[key] !== mine[key]) {
      const want = expected[key] === undefined ? "does not have it" : `has sha256 ${expected[key]}`;
      const have = mine[key] === undefined ? "not loaded here" : `sha256 ${mine[key]} here`;
      throw new StudioError(
        "PLUGIN_INVALID",
        `worker refuses the job: user plugin ${quote(key)} differs from the coordinator's (coordinator ${want}; ${have})`,
        { plugin: key, expected: expected[key] ?? null, actual: mine[key] ?? null },
      );
    }
  }
}
