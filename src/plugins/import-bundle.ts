/**
 * @module plugins/import-bundle
 * Executes a plugin bundle. The exact bundle is kept as `{home}/cache/plugins/{sha256}.mjs` (what run folders
 * copy); its `backtest-studio` import is then pointed at the running studio's own entry module (one copy of the
 * library in the process, whatever the home contains), and that linked module is written to
 * `{home}/cache/plugins/linked/{its sha256}.mjs` and imported from there. Both files are content-addressed and
 * written atomically, so a concurrent reader never sees a prefix; Node caches modules by URL, so importing the
 * same code twice is free. One exception, only when the studio runs from its TypeScript sources (tests): a worker
 * thread under tsx loads the studio as CommonJS (Node 20 applies no ESM loader hooks in workers), so there the
 * linked module is CommonJS and required, which gives it the worker's own copy of the studio.
 */
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";
import { sha256 } from "../core/hash.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { type PluginBundle, STUDIO_PACKAGE } from "./bundle-plugin.js";

const fromSource = import.meta.url.endsWith(".ts");
/** The running studio's entry module: src/index.ts under tsx/vitest, dist/index.js when installed. */
export const STUDIO_ENTRY_URL = new URL(fromSource ? "../index.ts" : "../index.js", import.meta.url).href;

export function pluginCacheDir(home: HomePaths): string {
  return path.join(home.cache, "plugins");
}

/** Where the exact bundle of plugin version `sha` is kept. */
export function bundleFile(home: HomePaths, sha: string): string {
  return path.join(pluginCacheDir(home), `${sha}.mjs`);
}

function writeOnce(target: string, code: string): void {
  if (existsSync(target)) return;
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileAtomic(target, code);
}

/** See the module comment: CommonJS only for a worker thread running the TypeScript sources. */
const LINK_AS_COMMONJS = fromSource && !isMainThread;

/** The bundle with `backtest-studio` rewritten to the running studio's entry module (nothing else changes). */
async function linkToStudio(code: string): Promise<string> {
  const entry = LINK_AS_COMMONJS ? fileURLToPath(STUDIO_ENTRY_URL) : STUDIO_ENTRY_URL;
  const { build } = await import("esbuild");
  const result = await build({
    stdin: { contents: code, loader: "js", sourcefile: "plugin.mjs" },
    bundle: true,
    write: false,
    format: LINK_AS_COMMONJS ? "cjs" : "esm",
    platform: "node",
    target: "node20",
    charset: "utf8",
    logLevel: "silent",
    plugins: [
      {
        name: "link-backtest-studio",
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.path === STUDIO_PACKAGE
              ? { path: entry, external: true }
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Keeps the bundle, imports it linked to the running studio and returns its module namespace. */
export async function importBundle(home: HomePaths, bundle: PluginBundle): Promise<Record<string, unknown>> {
  writeOnce(bundleFile(home, bundle.sha256), bundle.code);
  const linked = await linkToStudio(bundle.code);
  const target = path.join(
    pluginCacheDir(home),
    "linked",
    `${sha256(linked)}.${LINK_AS_COMMONJS ? "cjs" : "mjs"}`,
  );
  writeOnce(target, linked);
  if (LINK_AS_COMMONJS) return createRequire(import.meta.url)(target) as Record<string, unknown>;
  return (await import(pathToFileURL(target).href)) as Record<string, unknown>;
}
