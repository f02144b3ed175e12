/**
 * @module cli/commands/run
 * `studio run CONFIG.json [--preset NAME] [--set path=value ...] [--force]`: submits a run, shows its progress,
 * then prints the metrics and where the artifacts are. Ctrl-C cancels the run cleanly. Under `--json` stdout
 * carries exactly one object: `{run_id, status, hash, reused, run_dir, metrics, validation}`, or `{error}`.
 * An identical run that another studio process is executing (a server sharing the home) is followed, with a note
 * on stderr; if that run is deleted before it finishes, the command fails with NOT_FOUND (exit 1).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { isTerminal } from "../../runs/events/events.js";
import { runDir } from "../../runs/run-paths.js";
import type { RunView } from "../../runs/run-view.js";
import { action, exitCodeFor, openCliStudio, printJson } from "../context.js";
import { progressReporter } from "../progress-reporter.js";
import { applySets, readJsonFile } from "../read-config.js";
import { readRunFiles, runResultText } from "../run-text.js";

interface RunOptions {
  preset?: string;
  set: string[];
  force?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function readJsonIfExists(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("run a backtest from a config file (and/or a preset)")
    .argument("[config]", "run config JSON file ('-' reads stdin)")
    .option("--preset <name>", "start from this preset; the config's fields override it")
    .option(
      "--set <path=value>",
      "override one field, e.g. strategy.params.fast=20 (repeatable)",
      collect,
      [],
    )
    .option("--force", "run again even if an identical run exists")
    .action(
      action(async (ctx, file: string | undefined, opts: RunOptions) => {
        if (file === undefined && opts.preset === undefined) {
          throw new StudioError("CONFIG_INVALID", "give a config file or --preset NAME");
        }
        const input = applySets(file === undefined ? {} : readJsonFile(file), opts.set);
        const studio = await openCliStudio(ctx);
        try {
          const { run, reused } = studio.submit(input, { force: opts.force === true, preset: opts.preset });
          const reporter = ctx.json ? undefined : progressReporter();
          const stopEvents = reporter
            ? studio.subscribe(run.run_id, 0, (e) => reporter.onEvent(e))
            : () => {};
          const onSigint = () => void studio.cancel(run.run_id).catch(() => {});
          process.once("SIGINT", onSigint);
          let done: RunView;
          try {
            // Rejects with NOT_FOUND if the run is deleted (by the process executing it) before it finishes.
            const finished = studio.waitFor(run.run_id);
            if (reused && !isTerminal(run.status)) {
              // A one-shot CLI never resumes queued runs, so an unfinished reused run is another process's.
              process.stderr.write(
                `following run ${run.run_id}, which another studio process is executing\n`,
              );
            }
            done = await finished;
          } finally {
            process.removeListener("SIGINT", onSigint);
            stopEvents();
            reporter?.stop();
          }
          const dir = runDir(ctx.home, run.run_id);
          if (done.status !== "completed") {
            const error = { code: done.error_code ?? "INTERNAL", message: done.error_message ?? done.status };
            if (ctx.json) printJson({ run_id: done.run_id, status: done.status, error });
            else process.stderr.write(`run ${done.run_id} ${done.status}: ${error.code}: ${error.message}\n`);
            process.exitCode = exitCodeFor(error.code);
            return;
          }
          const metrics = readJsonIfExists(path.join(dir, "metrics.json")) as Record<string, unknown> | null;
          const validation = readJsonIfExists(path.join(dir, "validation_summary.json"));
          // The run's warnings (data quality: partial coverage, missing volume, session gaps; warm-up; repairs).
          const summary = readJsonIfExists(path.join(dir, "summary.json")) as { warnings?: unknown } | null;
          const warnings = Array.isArray(summary?.warnings) ? summary.warnings.map(String) : [];
          if (ctx.json) {
            printJson({
              run_id: done.run_id,
              status: done.status,
              hash: done.hash,
              reused,
              run_dir: dir,
              metrics,
              validation,
              warnings,
            });
            return;
          }
          for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
          process.stdout.write(
            `run ${done.run_id} completed${reused ? " (reused an identical run)" : ""}\n\n`,
          );
          process.stdout.write(`${runResultText(readRunFiles(dir), done.config)}\n`);
          process.stdout.write(`\nartifacts: ${dir}\n`);
        } finally {
          studio.close();
        }
      }),
    );
}
