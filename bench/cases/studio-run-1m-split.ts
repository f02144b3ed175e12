/**
 * @module bench/cases/studio-run-1m-split
 * Where a 1M-bar `studio run` spends its time and what it writes. The process prints a `stage NAME` line as each
 * stage starts (plain progress, stdout not a terminal); the time between lines, taken as they arrive, splits the
 * wall time into process start-up, each pipeline stage and the artifacts stage, which summary.json cannot hold
 * because it is written during that stage. The run folder's size is checked against the 70 MB budget, file by
 * file in the notes.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BenchCase } from "../case.js";
import { writeStudioRun1mConfig } from "../case.js";
import { memory, summarize } from "../measure.js";

const RUNS = 5;
const BYTES_BUDGET_MB = 70;

/** One run: ms from spawn to each stage line and to exit, and the run folder. */
function timedRun(
  root: string,
  home: string,
  cfg: string,
): Promise<{ marks: [string, number][]; runDir: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const marks: [string, number][] = [];
    let runDir = "";
    let pending = "";
    const child = spawn(process.execPath, [
      path.join(root, "bin", "studio.js"),
      "--home",
      home,
      "run",
      cfg,
      "--force",
    ]);
    const onData = (d: Buffer) => {
      const at = performance.now() - t0;
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const stage = /^stage (\w+)/.exec(line);
        if (stage) marks.push([stage[1]!, at]);
        const dir = /^artifacts: (.+)$/.exec(line);
        if (dir) runDir = dir[1]!.trim();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`studio run exited ${code}`));
      else resolve({ marks: [...marks, ["exit", performance.now() - t0]], runDir });
    });
  });
}

export const studioRun1mSplit: BenchCase = {
  name: "studio_run_1m_split",
  summary:
    "`studio run` on 1M bars, warm caches: time per stage (start-up, each stage, artifacts) and bytes written",
  async run(ctx) {
    const home = mkdtempSync(path.join(tmpdir(), "studio-bench-split-"));
    try {
      const cfg = writeStudioRun1mConfig(home);
      await timedRun(ctx.root, home, cfg); // fills the candle and feature caches
      const parts = new Map<string, number[]>();
      let runDir = "";
      for (let i = 0; i < RUNS; i++) {
        const r = await timedRun(ctx.root, home, cfg);
        runDir = r.runDir;
        let last = 0;
        let name = "startup";
        for (const [next, at] of r.marks) {
          parts.set(name, [...(parts.get(name) ?? []), at - last]);
          [name, last] = [next, at];
        }
      }
      for (const [name, times] of parts) {
        if (name === "exit") continue;
        ctx.record(
          summarize(`studio_run_1m_split.${name}`, times, {
            notes:
              name === "startup"
                ? "process start to the first stage line (Node start-up, module loading, config, database)"
                : name === "artifacts"
                  ? "artifacts stage line to process exit: every file encoded and written, manifest, rename, exit"
                  : `the ${name} stage`,
          }),
        );
      }
      const files = readdirSync(runDir).map((f) => [f, statSync(path.join(runDir, f)).size] as const);
      const total = files.reduce((s, [, size]) => s + size, 0);
      ctx.record(
        memory(
          "studio_run_1m_bytes_written_mb",
          Math.round((total / 1e6) * 10) / 10,
          BYTES_BUDGET_MB,
          `run folder size in MB (10^6 bytes): ${files.map(([f, s]) => `${f} ${(s / 1e6).toFixed(2)}`).join(", ")}`,
        ),
      );
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  },
};
