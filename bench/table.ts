/**
 * @module bench/table
 * Prints the README's performance table (Markdown) from the last `npm run bench` report
 * (bench/results/latest.json), so the table is always the benchmark's own output: `npm run bench:table`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Measurement } from "./measure.js";

interface Report {
  date: string;
  machine: { node: string; cpus: number; cpu: string };
  floor_ms: number;
  results: Measurement[];
}

const report = JSON.parse(
  readFileSync(path.join(process.cwd(), "bench", "results", "latest.json"), "utf8"),
) as Report;
const budget = (m: Measurement) =>
  m.budget === null ? "-" : m.budget_unit === "MB" ? `${m.budget} MB` : `${m.budget}x`;
const rows = report.results.map((m) =>
  m.unit === "MB"
    ? `| \`${m.name}\` | - | ${m.median} MB | ${budget(m)} | ${m.pass ? "pass" : "FAIL"} |`
    : `| \`${m.name}\` | ${m.floor_multiple}x | ${m.median} ms (min ${m.min}) | ${budget(m)} | ${m.pass === null ? "-" : m.pass ? "pass" : "FAIL"} |`,
);
process.stdout.write(
  [
    `${report.date.slice(0, 10)}, ${report.machine.cpus} cores (${report.machine.cpu}), Node ${report.machine.node}; floor ${report.floor_ms} ms.`,
    "",
    "| case | x floor | median | budget | verdict |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n"),
);
