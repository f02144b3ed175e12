/**
 * @module plugins/import-bundle
 * Executes a plugin bundle: its `backtest-studio` import is pointed at the running studio's own entry module
 * (one copy of the library in the process, whatever the home contains), the result is written once to a
 * content-addressed file `{home}/cache/plugins/{sha256}.mjs` (atomically, so a concurrent reader never sees a
 * prefix) and imported from there. Node caches modules by URL, so importing the same code twice is free.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { sha256 } from "../core/hash.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { STUDIO_PACKAGE } from "./bundle-plugin.js";

const fromSource = import.meta.url.endsWith(".ts");
/** The running studio's entry module: src/index.ts under tsx/vitest, dist/index.js when installed. */
export const STUDIO_ENTRY_URL = new URL(fromSource ? "../index.ts" : "../index.js", import.meta.url).href;

export function pluginCacheDir(home: HomePaths): string {
  return path.join(home.cache, "plugins");
}

/** The bundle with `backtest-studio` rewritten to the running studio's entry URL (nothing else changes). */
async function linkToStudio(code: string): Promise<string> {
  const result = await build({
    stdin: { contents: code, loader: "js", sourcefile: "plugin.mjs" },
    bundle: true,
    write: false,
    format: "esm",
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
              ? { path: STUDIO_ENTRY_URL, external: true }
              : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

/** Imports a bundle and returns its module namespace. */
export async function importBundle(home: HomePaths, code: string): Promise<Record<string, unknown>> {
  const linked = await linkToStudio(code);
  const dir = pluginCacheDir(home);
  const target = path.join(dir, `${sha256(linked)}.mjs`);
  if (!existsSync(target)) {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(target, linked);
  }
  return (await import(pathToFileURL(target).href)) as Record<string, unknown>;
}
