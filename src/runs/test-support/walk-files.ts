/** Every file under `dir` (relative paths, sorted): what a failed run must not leave behind. */
import { readdirSync } from "node:fs";
import path from "node:path";

export function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) visit(full);
      else out.push(path.relative(dir, full));
    }
  };
  visit(dir);
  return out.sort();
}
