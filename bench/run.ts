/**
 * @module bench/run
 * `npm run bench`: the project's performance budgets, measured on this machine and printed as one JSON document
 * (also written to bench/results/latest.json). Every time is reported in ms and as a multiple of the
 * memory-pass floor measured in the same run (a floor block before each timed repetition, and floors before and
 * after each case), and every time budget is such a multiple, so a verdict means the same on a fast or a slow
 * machine. Memory has an absolute budget.
 *
 *   npm run bench                         every case
 *   npm run bench -- core_pipeline_1m     only the named cases (comma- or space-separated; `--only a,b` too)
 *   npm run bench -- --skip-large         leave out cases marked large (the 10M-bar memory case)
 *   npm run bench -- --list               the case names
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { type BenchCase, createContext } from "./case.js";
import { CASES } from "./cases/index.js";
import { FLOOR_CASE, floorBlockMs, measureFloor, memoryPassFloor } from "./cases/memory-pass-floor.js";
import { judge, type Measurement, median, pairWithFloor } from "./measure.js";

// The benchmark measures the compiled code users run (dist/), not the TypeScript sources: worker threads in
// particular start from compiled JavaScript in production.
// Run through `npm run bench`, which compiles this file and starts it with plain node from the package root: worker
// threads inherit the parent's loader flags, so running it under tsx would slow the pool down.
const root = process.cwd();
const args = process.argv.slice(2);

function selectCases(): BenchCase[] {
  // Every argument that is not a flag names cases (so `--only a,b` works too: `--only` is just a flag).
  const names = args
    .filter((a) => !a.startsWith("--"))
    .flatMap((a) => a.split(","))
    .filter((n) => n !== "" && n !== FLOOR_CASE);
  const known = CASES.map((c) => c.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`unknown bench case ${unknown.join(", ")}; cases: ${known.join(", ")}\n`);
    process.exit(2);
  }
  const chosen = names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : [...CASES];
  return args.includes("--skip-large") ? chosen.filter((c) => !c.large) : chosen;
}

if (args.includes("--list")) {
  for (const c of [memoryPassFloor, ...CASES]) process.stdout.write(`${c.name}\t${c.summary}\n`);
  process.exit(0);
}
const cases = selectCases();

try {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
} catch (err) {
  // tsc still emits on type errors; `npm run typecheck` is the gate, the benchmark only needs the JavaScript.
  process.stderr.write(
    `warning: build reported errors:\n${(err as { stdout?: Buffer }).stdout?.toString().slice(0, 2000)}\n`,
  );
}

// Each case is judged against the floor measured just before and just after it (their mean), so a machine that
// gets busier or quieter during the run moves the case and its unit together.
const results: Measurement[] = [];
const floors: Measurement[] = [await measureFloor()];
pairWithFloor(floorBlockMs);
for (const c of cases) {
  process.stderr.write(`${c.name}: ${c.summary}\n`);
  const measured: Measurement[] = [];
  await c.run(createContext(root, (m) => measured.push(m)));
  floors.push(await measureFloor());
  const floorMs = (floors.at(-2)!.median + floors.at(-1)!.median) / 2;
  results.push(...measured.map((m) => judge(m, floorMs)));
}
const floorMs = median(floors.map((f) => f.median));
const floor: Measurement = {
  ...floors[0]!,
  median: Math.round(floorMs * 100) / 100,
  min: Math.min(...floors.map((f) => f.min)),
  max: Math.max(...floors.map((f) => f.max)),
  runs: floors.reduce((n, f) => n + f.runs, 0),
  floor_multiple: 1,
  notes: `${floors[0]!.notes}; median of ${floors.length} measurements, one before the cases and one after each (${floors.map((f) => f.median).join(", ")} ms)`,
};
results.unshift(floor);
for (const m of results) {
  const times = m.unit === "ms" ? `${m.floor_multiple}x floor, median ${m.median} ms` : `${m.median} MB`;
  const budget =
    m.budget === null
      ? ""
      : ` budget ${m.budget}${m.budget_unit === "MB" ? " MB" : "x"} ${m.pass ? "PASS" : "FAIL"}`;
  process.stderr.write(`${m.name}: ${times} (min ${m.min}, max ${m.max})${budget}\n`);
}

const report = {
  date: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    memory_gb: Math.round(totalmem() / 2 ** 30),
  },
  floor_ms: floor.median,
  cases: cases.map((c) => c.name),
  pass: results.every((m) => m.pass !== false),
  results,
};
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
