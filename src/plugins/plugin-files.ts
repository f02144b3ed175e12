/**
 * @module plugins/plugin-files
 * Where user plugins live: `{home}/strategies/*.{ts,mts,js,mjs}` and `{home}/indicators/*.{ts,mts,js,mjs}`, one
 * plugin per file (sub-folders hold the plugins' own helper modules and are not plugins). A plugin file must be
 * a regular file whose real path stays inside the home: a symlink that leaves the home, or a plugin folder that
 * is itself such a symlink, is refused with PLUGIN_INVALID, so the code the studio runs is the code in the home.
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { StudioError } from "../core/errors.js";

export type PluginKind = "strategy" | "indicator";

export const PLUGIN_FOLDERS: Readonly<Record<PluginKind, string>> = {
  strategy: "strategies",
  indicator: "indicators",
};

export const PLUGIN_EXTENSIONS = [".ts", ".mts", ".js", ".mjs"] as const;

export interface PluginFile {
  readonly kind: PluginKind;
  /** Absolute path. */
  readonly path: string;
  /** Path relative to the home, with `/` separators: what messages, summaries and the catalog show. */
  readonly file: string;
}

/** A plugin file that could not be loaded, and why (always a PLUGIN_INVALID StudioError). */
export interface BrokenPlugin {
  readonly kind: PluginKind;
  readonly file: string;
  /** The name it defines when that is known, else its file name without the extension. */
  readonly name: string;
  readonly error: StudioError;
}

/** `strategies/my_idea.ts` -> `my_idea`. */
export function pluginStem(file: string): string {
  return path.posix.basename(file).replace(/\.(m?ts|m?js)$/, "");
}

export function relativeToHome(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join("/");
}

/** True when `inner` is `outer` or below it (both real, absolute paths). */
function inside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function invalid(file: string, why: string): StudioError {
  return new StudioError("PLUGIN_INVALID", `${file}: ${why}`, { file });
}

/**
 * Proves that `absolute` is a regular file inside the home after following symlinks; throws PLUGIN_INVALID naming
 * the file otherwise. Workers call it too before they load a plugin by path.
 */
export function assertPluginFile(root: string, absolute: string): void {
  const file = relativeToHome(root, absolute);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    throw invalid(file, "the file does not exist (a dangling symlink?)");
  }
  if (!inside(realpathSync(root), real)) {
    throw invalid(
      file,
      `is a symlink to ${real}, outside the studio home; plugin files must live in the home`,
    );
  }
  if (!statSync(real).isFile()) throw invalid(file, "is not a regular file");
}

/** Every plugin file of the home, sorted by kind then name, and the entries refused on the way. */
export function listPluginFiles(root: string): { files: PluginFile[]; broken: BrokenPlugin[] } {
  const files: PluginFile[] = [];
  const broken: BrokenPlugin[] = [];
  for (const kind of ["indicator", "strategy"] as const) {
    const folder = path.join(root, PLUGIN_FOLDERS[kind]);
    let names: string[];
    try {
      if (!statSync(folder).isDirectory()) continue;
      names = readdirSync(folder).sort();
    } catch {
      continue; // no such folder: no plugins of this kind
    }
    try {
      assertFolderInside(root, folder);
    } catch (err) {
      broken.push({ kind, file: relativeToHome(root, folder), name: "", error: err as StudioError });
      continue;
    }
    for (const name of names) {
      if (!PLUGIN_EXTENSIONS.some((ext) => name.endsWith(ext)) || name.endsWith(".d.ts")) continue;
      const absolute = path.join(folder, name);
      try {
        assertPluginFile(root, absolute);
        files.push({ kind, path: absolute, file: relativeToHome(root, absolute) });
      } catch (err) {
        const file = relativeToHome(root, absolute);
        broken.push({ kind, file, name: pluginStem(file), error: err as StudioError });
      }
    }
  }
  return { files, broken };
}

function assertFolderInside(root: string, folder: string): void {
  const real = realpathSync(folder);
  if (!inside(realpathSync(root), real)) {
    throw invalid(
      relativeToHome(root, folder),
      `is a symlink to ${real}, outside the studio home; plugin folders must live in the home`,
    );
  }
}
