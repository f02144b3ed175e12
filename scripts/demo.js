#!/usr/bin/env node
// `npm run demo`: one full run (SMA crossover, all four validations with small n) on the embedded synthetic
// provider, in a fresh studio home, through the real `studio` binary. Prints the metrics and the artifact folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const home = mkdtempSync(path.join(tmpdir(), "studio-demo-"));
process.stdout.write(`studio home: ${home}\n\n`);
const result = spawnSync(
  process.execPath,
  [path.join(root, "bin", "studio.js"), "--home", home, "run", path.join(root, "examples", "demo.json")],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
