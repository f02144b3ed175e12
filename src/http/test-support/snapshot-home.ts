/**
 * Everything a request could change in a studio home: the rows of runs, run_progress and presets, and every
 * file under runs/ and presets/ with its sha256. Two equal snapshots mean nothing was written.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Studio } from "../../runs/studio.js";
import type { HomePaths } from "../../store/home.js";

function files(root: string, dir = root): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return files(root, full);
      const sha = createHash("sha256").update(readFileSync(full)).digest("hex");
      return [`${path.relative(root, full)} ${sha}`];
    });
}

export function snapshotHome(studio: Studio, home: HomePaths): Record<string, unknown> {
  const rows = (table: string, key: string) =>
    studio.store.db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all();
  return {
    runs: rows("runs", "run_id"),
    run_progress: rows("run_progress", "run_id"),
    presets: rows("presets", "name"),
    runFiles: files(home.runs),
    presetFiles: files(home.presets),
  };
}
