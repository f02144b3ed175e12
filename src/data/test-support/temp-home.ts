/** A fresh studio home in a temporary folder, optionally with CSV fixtures copied into its `data/`. */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type HomePaths, resolveHome } from "../../store/home.js";

export const CSV_FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/csv");

/** `files` maps a fixture name to the symbol file it becomes, e.g. `{ "yahoo.csv": "ACME" }`. */
export function tempHome(files: Record<string, string> = {}): HomePaths {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-home-")));
  mkdirSync(home.data, { recursive: true });
  for (const [fixture, symbol] of Object.entries(files)) {
    copyFileSync(path.join(CSV_FIXTURES, fixture), path.join(home.data, `${symbol}.csv`));
  }
  return home;
}
