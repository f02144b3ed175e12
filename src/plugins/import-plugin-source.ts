/**
 * @module plugins/import-plugin-source
 * How a validation worker gets a user plugin back: from its file, by the path the run recorded (always
 * `strategies/NAME.ext` or `indicators/NAME.ext` inside the home, re-checked like at load time), bundled again
 * and compared with the sha256 the run's hash names. A different sha256 means the file changed while the run was
 * going: PLUGIN_INVALID, so no replication ever runs other code than the run's.
 */
import path from "node:path";
import { quote, StudioError } from "../core/errors.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { PluginSource } from "../runs/workers/worker-catalog.js";
import { resolveHome } from "../store/home.js";
import type { StrategyDef } from "../strategies/types.js";
import { bundlePlugin } from "./bundle-plugin.js";
import { definitionOf } from "./definition-of.js";
import { importBundle } from "./import-bundle.js";
import { assertPluginFile, PLUGIN_EXTENSIONS, PLUGIN_FOLDERS, type PluginKind } from "./plugin-files.js";

export async function importPluginSource(
  root: string,
  source: PluginSource,
): Promise<StrategyDef | IndicatorDef> {
  const kind: PluginKind = source.family === "strategies" ? "strategy" : "indicator";
  const [folder, name, ...rest] = source.file.split("/");
  if (
    folder !== PLUGIN_FOLDERS[kind] ||
    name === undefined ||
    rest.length > 0 ||
    !PLUGIN_EXTENSIONS.some((ext) => name.endsWith(ext))
  ) {
    throw new StudioError("PLUGIN_INVALID", `${quote(source.file)} is not a ${kind} plugin file of the home`);
  }
  const absolute = path.join(root, folder, name);
  assertPluginFile(root, absolute);
  const bundle = await bundlePlugin(root, { kind, path: absolute, file: source.file });
  if (bundle.sha256 !== source.sha256) {
    throw new StudioError(
      "PLUGIN_INVALID",
      `${source.file} changed while the run was using it: the run's ${kind} ${quote(source.name)} is sha256 ${source.sha256.slice(0, 12)}, the file is now ${bundle.sha256.slice(0, 12)}; submit the run again to use the new code`,
      { file: source.file, expected_sha256: source.sha256, actual_sha256: bundle.sha256 },
    );
  }
  const module = await importBundle(resolveHome(root), bundle);
  return definitionOf(kind, source.file, module, { file: source.file, sha256: source.sha256 });
}
