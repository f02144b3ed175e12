#!/usr/bin/env node
// Part of `npm run build`: bundles the browser code (src/web) with esbuild into dist/web/. report.js and
// report.css are inlined into every run's report.html by the report writer, sweep-report.js and
// sweep-report.css into every sweep's; studio.js, studio.css and index.html are the web studio `studio serve`
// answers at /. Nothing is built at run time.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist", "web");
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: ["es2022"],
  legalComments: "none",
  logLevel: "warning",
};
await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, "src/web/report/main.ts")],
    outfile: path.join(out, "report.js"),
  }),
  build({
    ...common,
    entryPoints: [path.join(root, "src/web/sweep-report/main.ts")],
    outfile: path.join(out, "sweep-report.js"),
  }),
  build({
    ...common,
    entryPoints: [path.join(root, "src/web/studio/main.ts")],
    outfile: path.join(out, "studio.js"),
  }),
]);
const css = readFileSync(path.join(root, "src/web/common/style.css"), "utf8");
writeFileSync(path.join(out, "report.css"), css);
writeFileSync(
  path.join(out, "sweep-report.css"),
  css + readFileSync(path.join(root, "src/web/sweep-report/sweep-report.css"), "utf8"),
);
writeFileSync(
  path.join(out, "studio.css"),
  css + readFileSync(path.join(root, "src/web/studio/studio.css"), "utf8"),
);
copyFileSync(path.join(root, "src/web/studio/index.html"), path.join(out, "index.html"));
