/**
 * Whole-run results pinned byte for byte: the demo config (`examples/demo.json`, synthetic data) and a CSV run
 * on the real daily prices in test/fixtures/market, through the real `studio run` binary, must write exactly
 * the metrics.json and validation_summary.json committed under test/golden/. A change of results is then a
 * decision, made in one commit with a CODE_VERSION bump (caches are keyed by it: without a bump, features
 * computed by the old code would be reused), a CHANGELOG.md line and new goldens:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
 *
 * rewrites them, and refuses to when results changed while CODE_VERSION did not.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { studio, tempHome } from "../src/cli/test-support/studio-cli.js";
import { CODE_VERSION } from "../src/core/code-version.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const GOLDEN = path.join(ROOT, "test", "golden");
const VERSION_FILE = path.join(GOLDEN, "code-version.txt");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const PINNED = ["metrics.json", "validation_summary.json"] as const;
const recordedVersion = existsSync(VERSION_FILE) ? readFileSync(VERSION_FILE, "utf8").trim() : undefined;
const HOW =
  "If the change is on purpose: bump CODE_VERSION (src/core/code-version.ts), add a line for it to CHANGELOG.md " +
  "and update the goldens with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`; commit all of it together.";

interface GoldenRun {
  /** Prefix of the golden files. */
  readonly name: string;
  readonly config: string;
  /** CSV files copied into the studio home's data/ folder. */
  readonly data?: readonly string[];
}

const RUNS: readonly GoldenRun[] = [
  { name: "demo", config: path.join(ROOT, "examples", "demo.json") },
  {
    name: "goog",
    config: path.join(GOLDEN, "goog.config.json"),
    data: [path.join(ROOT, "test", "fixtures", "market", "GOOG.csv")],
  },
];

/** "line N: pinned ... / now ..." for the first line that differs, to put in the failure message. */
function firstDifference(pinned: string, actual: string): string {
  const a = pinned.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: pinned ${JSON.stringify(a[i])}, now ${JSON.stringify(b[i])}`;
  }
  return "the same lines, different bytes";
}

async function runOnce(run: GoldenRun): Promise<string> {
  const home = tempHome();
  if (run.data) {
    mkdirSync(path.join(home, "data"));
    for (const file of run.data) copyFileSync(file, path.join(home, "data", path.basename(file)));
  }
  const r = await studio(["--home", home, "--json", "run", run.config]);
  expect(r.code, `studio run ${path.relative(ROOT, run.config)} fails: ${r.stderr}${r.stdout}`).toBe(0);
  const out = JSON.parse(r.stdout) as { status: string; run_dir: string };
  expect(out.status).toBe("completed");
  return out.run_dir;
}

describe("golden runs", () => {
  for (const run of RUNS) {
    it(`${run.name}: metrics.json and validation_summary.json are byte-identical to test/golden`, async () => {
      const dir = await runOnce(run);
      for (const artifact of PINNED) {
        const golden = path.join(GOLDEN, `${run.name}.${artifact}`);
        const rel = path.relative(ROOT, golden);
        const actual = readFileSync(path.join(dir, artifact), "utf8");
        const pinned = existsSync(golden) ? readFileSync(golden, "utf8") : undefined;
        if (UPDATE) {
          if (pinned !== undefined && pinned !== actual && recordedVersion === CODE_VERSION) {
            expect.fail(
              `${rel}: results changed (${firstDifference(pinned, actual)}) but CODE_VERSION is still ` +
                `${CODE_VERSION}, the version the goldens were made with. Bump it first, add a CHANGELOG.md line, ` +
                "then update the goldens.",
            );
          }
          writeFileSync(golden, actual);
          continue;
        }
        if (pinned === undefined) expect.fail(`${rel} is missing. ${HOW}`);
        if (pinned !== actual) {
          expect.fail(
            `Results changed: ${rel} differs from this run at ${firstDifference(pinned, actual)}. ${HOW}`,
          );
        }
      }
    }, 120_000);
  }

  it("were made by the current CODE_VERSION, which has a CHANGELOG.md entry", () => {
    if (UPDATE) writeFileSync(VERSION_FILE, `${CODE_VERSION}\n`);
    const recorded = readFileSync(VERSION_FILE, "utf8").trim();
    expect(
      recorded,
      `the goldens were made by code version ${recorded} and the code is ${CODE_VERSION}. ${HOW}`,
    ).toBe(CODE_VERSION);
    const changelog = readFileSync(path.join(ROOT, "CHANGELOG.md"), "utf8");
    expect(
      changelog.includes(`## [${CODE_VERSION}]`),
      `CHANGELOG.md has no "## [${CODE_VERSION}]" section saying what changed in this code version`,
    ).toBe(true);
  });
});
