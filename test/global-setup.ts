/**
 * Builds `dist/` (and the browser bundles in dist/web) once before the suite so tests that spawn the real `studio` binary run the code under test,
 * not a stale build. A type error does not stop the suite here (tsc still emits; `npm run typecheck` is the gate).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  try {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  } catch (err) {
    const out = (err as { stdout?: Buffer }).stdout?.toString() ?? String(err);
    process.stderr.write(`warning: build reported errors (dist may be partial):\n${out.slice(0, 4000)}\n`);
  }
  // The browser bundles (report.html's page, the web studio): runs write report.html from dist/web.
  execFileSync(process.execPath, ["scripts/build-web.js"], { cwd: root, stdio: "pipe" });
}
