/**
 * @module plugins/bundle-plugin
 * Turns one plugin file into one ES module with esbuild: TypeScript is transpiled without a type check, local
 * imports are inlined (so they count in the plugin's version), bare imports resolve from the home's
 * `node_modules` and are inlined too, Node built-ins stay imports. `backtest-studio` stays a bare import in the
 * bundle, so the bundle (and its sha256, the plugin's version) does not depend on where the studio is installed;
 * `importBundle` points it at the running studio. A file that does not build is PLUGIN_INVALID naming the file,
 * the line and the column (1-based) and esbuild's message.
 */
import type { Message, Plugin } from "esbuild";
import { StudioError } from "../core/errors.js";
import { sha256 } from "../core/hash.js";
import type { PluginFile } from "./plugin-files.js";

/** The package name plugins import the studio's API from. */
export const STUDIO_PACKAGE = "backtest-studio";

export interface PluginBundle {
  /** The bundled module, exactly as hashed and as copied into run folders. */
  readonly code: string;
  /** sha256 of `code` (hex): the plugin's version. */
  readonly sha256: string;
}

/** Keeps `import ... from "backtest-studio"` as it is, whether or not the home has a node_modules. */
const keepStudioImport: Plugin = {
  name: "backtest-studio-external",
  setup(b) {
    b.onResolve({ filter: /^backtest-studio$/ }, () => ({ path: STUDIO_PACKAGE, external: true }));
  },
};

export async function bundlePlugin(root: string, plugin: PluginFile): Promise<PluginBundle> {
  let code: string;
  // Loaded on first use: a home without plugin files never starts esbuild.
  const { build } = await import("esbuild");
  try {
    const result = await build({
      entryPoints: [plugin.path],
      absWorkingDir: root,
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      charset: "utf8",
      logLevel: "silent",
      plugins: [keepStudioImport],
    });
    code = result.outputFiles[0]!.text;
  } catch (err) {
    throw buildError(plugin.file, err);
  }
  return { code, sha256: sha256(code) };
}

/** esbuild's first error as PLUGIN_INVALID: `file: does not build: at.ts:LINE:COL: text`. */
function buildError(file: string, err: unknown): StudioError {
  const first = (err as { errors?: Message[] }).errors?.[0];
  if (!first) {
    const why = err instanceof Error ? err.message : String(err);
    return new StudioError("PLUGIN_INVALID", `${file}: does not build: ${why}`, { file });
  }
  const loc = first.location;
  if (!loc) {
    return new StudioError("PLUGIN_INVALID", `${file}: does not build: ${first.text}`, { file });
  }
  const column = loc.column + 1;
  return new StudioError(
    "PLUGIN_INVALID",
    `${file}: does not build: ${loc.file}:${loc.line}:${column}: ${first.text}\n  ${loc.lineText}\n  ${" ".repeat(loc.column)}^`,
    { file, at: loc.file, line: loc.line, column },
  );
}
