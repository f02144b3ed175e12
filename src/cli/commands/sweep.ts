/**
 * @module cli/commands/sweep
 * `studio sweep SPEC.json [--force] [--threads N]`: plans the sweep (every spec error before any work), runs it
 * with a progress bar (trials done / total, trials per second, ETA, best so far), waits for its top_k runs, then
 * prints the best trial, the best-of statistics and where the artifacts are. The same spec again returns the
 * existing sweep (resuming it when it was interrupted); Ctrl-C cancels. Under `--json` stdout carries one
 * object: `{sweep_id, status, reused, sweep_dir, summary}` or `{error}`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { openStudio } from "../../runs/open-studio.js";
import type { SweepRow } from "../../store/repos/sweeps-repo.js";
import type { SweepService } from "../../sweeps/sweep-service.js";
import type { SweepSummary } from "../../sweeps/sweep-summary.js";
import { action, type CliContext, exitCodeFor, printJson } from "../context.js";
import { keyValueTable } from "../format.js";
import { readJsonFile } from "../read-config.js";
import { sweepProgressBar } from "./sweep-progress.js";
import { parseRedisUrl } from "./worker.js";

export function registerSweepCommand(program: Command): void {
  program
    .command("sweep")
    .description("run a parameter sweep from a spec file")
    .argument("<spec>", "sweep spec JSON file ('-' reads stdin)")
    .option("--force", "run again even if the same sweep exists")
    .option("--threads <n>", "worker threads for the trials (default STUDIO_THREADS or the cores)")
    .option(
      "--redis <url>",
      "run the trials on `studio worker` processes through this Redis; they fetch candles from a `studio serve` on this home (docs/sweeps.md)",
    )
    .action(
      action(async (ctx, file: string, opts: { force?: boolean; threads?: string; redis?: string }) => {
        const spec = readJsonFile(file);
        const redisUrl = opts.redis === undefined ? undefined : parseRedisUrl(opts.redis, "--redis");
        const { sweep, reused } = await withSweeps(
          ctx,
          opts.threads,
          async (service) => {
            const submitted = service.submit(spec, { force: opts.force === true });
            return { ...submitted, sweep: await follow(ctx, service, submitted.sweep) };
          },
          redisUrl,
        );
        report(ctx, sweep, reused);
      }),
    );
}

/** Opens the studio and its sweep service for one command, waiting for queued top_k runs before closing. */
export async function withSweeps<T>(
  ctx: CliContext,
  threads: string | undefined,
  fn: (service: SweepService) => Promise<T>,
  redisUrl?: string,
): Promise<T> {
  // Loaded here, not at the top: the sweep machinery (trial pool, heatmaps, echarts) is not for other commands.
  const { SweepService } = await import("../../sweeps/sweep-service.js");
  const studio = openStudio(ctx.home);
  const service = new SweepService(studio, ctx.home, {
    ...(threads === undefined ? {} : { threads: Number.parseInt(threads, 10) }),
    ...(redisUrl === undefined ? {} : { redisUrl }),
  });
  try {
    const out = await fn(service);
    await studio.idle();
    return out;
  } finally {
    studio.close();
  }
}

/** Runs (or resumes) the sweep here with a progress bar; Ctrl-C cancels it. */
export async function follow(ctx: CliContext, service: SweepService, sweep: SweepRow): Promise<SweepRow> {
  if (sweep.status === "completed") return sweep;
  const bar = ctx.json ? undefined : sweepProgressBar();
  const stop = bar ? service.onProgress(sweep.sweepId, (p) => bar.update(p)) : () => {};
  const onSigint = () => void service.cancel(sweep.sweepId).catch(() => {});
  process.once("SIGINT", onSigint);
  try {
    return await service.run(sweep.sweepId);
  } finally {
    process.removeListener("SIGINT", onSigint);
    stop();
    bar?.stop();
  }
}

export function report(ctx: CliContext, sweep: SweepRow, reused: boolean): void {
  const dir = path.join(ctx.home.root, "sweeps", sweep.sweepId);
  if (sweep.status !== "completed") {
    const error = { code: sweep.errorCode ?? "INTERNAL", message: sweep.errorMessage ?? sweep.status };
    if (ctx.json) printJson({ sweep_id: sweep.sweepId, status: sweep.status, error });
    else process.stderr.write(`sweep ${sweep.sweepId} ${sweep.status}: ${error.code}: ${error.message}\n`);
    process.exitCode = exitCodeFor(error.code);
    return;
  }
  const summary = JSON.parse(readFileSync(path.join(dir, "summary.json"), "utf8")) as SweepSummary;
  if (ctx.json) {
    printJson({ sweep_id: sweep.sweepId, status: sweep.status, reused, sweep_dir: dir, summary });
    return;
  }
  const s = summary.statistics;
  process.stdout.write(`sweep ${sweep.sweepId} completed${reused ? " (reused an identical sweep)" : ""}\n\n`);
  process.stdout.write(
    `${keyValueTable([
      [
        "trials planned / run / skipped / failed",
        `${summary.counts.planned} / ${summary.counts.run} / ${summary.counts.skipped} / ${summary.counts.failed}`,
      ],
      ["best trial", summary.best?.trial],
      ...Object.entries(summary.best?.values ?? {}).map(([k, v]) => [`  ${k}`, v] as const),
      [`best ${summary.objective} (in-sample)`, s?.best_objective],
      ["holdout objective", summary.best?.holdout?.objective ?? null],
      ["holdout return", summary.best?.holdout?.total_return ?? null],
      ["deflated Sharpe (N = trials run)", s?.dsr],
      ["PBO", s?.pbo],
      ["trials beating buy-and-hold", s?.beat_buy_and_hold],
      ["stability (neighbours / best)", s?.stability.ratio],
    ])}\n`,
  );
  process.stdout.write(`\nartifacts: ${dir}\n`);
}
