/**
 * @module store/home
 * The studio home: one folder holding `studio.db`, `runs/`, `cache/`, `presets/` and `data/` (user CSV files).
 * It is `--home DIR`, else `STUDIO_HOME`, else the working directory. Every path the studio touches is built
 * here from fixed segments and validated names, never from raw user strings.
 */
import path from "node:path";

export interface HomePaths {
  readonly root: string;
  readonly db: string;
  readonly runs: string;
  readonly cache: string;
  readonly candleCache: string;
  readonly featureCache: string;
  readonly presets: string;
  readonly data: string;
}

export function resolveHome(dir?: string, env: NodeJS.ProcessEnv = process.env): HomePaths {
  const root = path.resolve(dir ?? env.STUDIO_HOME ?? process.cwd());
  return {
    root,
    db: path.join(root, "studio.db"),
    runs: path.join(root, "runs"),
    cache: path.join(root, "cache"),
    candleCache: path.join(root, "cache", "candles"),
    featureCache: path.join(root, "cache", "features"),
    presets: path.join(root, "presets"),
    data: path.join(root, "data"),
  };
}

/**
 * Joins `segments` under `base` and proves the result stays inside it. Each segment must be a plain name
 * (no separators, not `.` or `..`); callers validate names first, this is the last line of defence.
 */
export function safeJoin(base: string, ...segments: string[]): string {
  for (const s of segments) {
    if (s === "" || s === "." || s === ".." || s.includes("/") || s.includes("\\") || s.includes("\0")) {
      throw new Error(`unsafe path segment ${JSON.stringify(s)}`);
    }
  }
  const full = path.resolve(base, ...segments);
  const rel = path.relative(path.resolve(base), full);
  if (rel.startsWith("..") || path.isAbsolute(rel)) throw new Error(`path escapes ${base}: ${full}`);
  return full;
}
