/**
 * @module cli/commands/sweeps
 * `studio sweeps list|show|trials|open|export|verify|resume|cancel|delete`: the sweeps of a home. `trials` lists the
 * trials best first (or by any metric with --sort), `export` copies an artifact out, `verify` checks every file
 * against the manifest and the manifest against the database, `resume` runs only the missing trials of an
 * interrupted sweep.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { openStore } from "../../store/store.js";
import { sweepView } from "../../sweeps/sweep-view.js";
import { action, printJson } from "../context.js";
import { formatValue, isoTime, table } from "../format.js";
import { shortId } from "../resolve-run-id.js";
import { resolveSweepId } from "../resolve-sweep-id.js";
import { follow, report, withSweeps } from "./sweep.js";
import { registerSweepsOpenCommand } from "./sweeps-open.js";

const ARTIFACT = /^[A-Za-z0-9_.-]+\.(json|parquet|png|html)$/;

export function registerSweepsCommands(program: Command): void {
  const sweeps = program.command("sweeps").description("list and manage parameter sweeps");

  sweeps
    .command("list")
    .description("sweeps, newest first")
    .option("--limit <n>", "at most this many", "50")
    .action(
      action((ctx, opts: { limit: string }) => {
        const store = openStore(ctx.home.db);
        try {
          const rows = store.sweeps.list(Number.parseInt(opts.limit, 10) || 50);
          if (ctx.json) return printJson({ sweeps: rows.map(sweepView) });
          process.stdout.write(
            `${table(
              ["id", "strategy", "status", "created", "done/planned", "best"],
              rows.map((s) => [
                shortId(s.sweepId),
                sweepView(s).strategy,
                s.status,
                isoTime(s.createdAt),
                `${s.trialsDone}/${s.trialsPlanned - s.trialsSkipped}`,
                formatValue(s.bestObjective),
              ]),
            )}\n`,
          );
        } finally {
          store.close();
        }
      }),
    );

  sweeps
    .command("show")
    .argument("<id>")
    .description("a sweep's status, counts and best trial")
    .action(
      action(async (ctx, given: string) => {
        await withSweeps(ctx, undefined, async (service) => {
          const row = service.get(resolveSweepId(service, given));
          if (ctx.json) return printJson(sweepView(row));
          if (row.status === "completed") report(ctx, row, false);
          else process.stdout.write(`${JSON.stringify(sweepView(row), null, 2)}\n`);
        });
      }),
    );

  sweeps
    .command("trials")
    .argument("<id>")
    .description("a sweep's trials, best first")
    .option("--sort <metric>", "objective, trial_index or any metric name", "objective")
    .option("--asc", "ascending")
    .option("--limit <n>", "page size", "20")
    .option("--offset <n>", "skip this many", "0")
    .action(
      action((ctx, given: string, opts: { sort: string; asc?: boolean; limit: string; offset: string }) => {
        if (!/^[a-z_]+$/.test(opts.sort))
          throw new StudioError("CONFIG_INVALID", `--sort: not a metric name: ${opts.sort}`);
        const store = openStore(ctx.home.db);
        try {
          const id = resolveSweepId(store.sweeps, given);
          const rows = store.sweeps.trialsPage(id, {
            sort: opts.sort,
            desc: opts.asc !== true,
            limit: Number.parseInt(opts.limit, 10) || 20,
            offset: Number.parseInt(opts.offset, 10) || 0,
          });
          const trials = rows.map((r) => ({
            trial: r.trialIndex,
            status: r.status,
            params: JSON.parse(r.paramsJson) as Record<string, unknown>,
            objective: r.objective,
          }));
          if (ctx.json) return printJson({ trials });
          process.stdout.write(
            `${table(
              ["trial", "status", "params", "objective"],
              trials.map((t) => [
                String(t.trial),
                t.status,
                JSON.stringify(t.params),
                formatValue(t.objective),
              ]),
            )}\n`,
          );
        } finally {
          store.close();
        }
      }),
    );

  registerSweepsOpenCommand(sweeps);

  sweeps
    .command("export")
    .argument("<id>")
    .argument("<artifact>", "e.g. trials.parquet, summary.json")
    .argument("<dest>", "file to write")
    .description("copy one of a sweep's artifacts out")
    .action(
      action(async (ctx, given: string, artifact: string, dest: string) => {
        if (!ARTIFACT.test(artifact))
          throw new StudioError("CONFIG_INVALID", `not an artifact name: ${artifact}`);
        await withSweeps(ctx, undefined, async (service) => {
          const id = resolveSweepId(service, given);
          copyFileSync(path.join(service.dir(id), artifact), dest);
          if (ctx.json) printJson({ sweep_id: id, artifact, dest });
          else process.stdout.write(`${dest}\n`);
        });
      }),
    );

  sweeps
    .command("verify")
    .argument("<id>")
    .description("check every artifact against the manifest and the manifest against the database")
    .action(
      action(async (ctx, given: string) => {
        await withSweeps(ctx, undefined, async (service) => {
          const id = resolveSweepId(service, given);
          const r = await service.verify(id);
          if (ctx.json) printJson({ sweep_id: id, ...r });
          else {
            for (const f of r.files) process.stdout.write(`${f.status.padEnd(16)} ${f.name}\n`);
            process.stdout.write(`manifest: ${r.manifest.status}\n${r.ok ? "ok" : "FAILED"}\n`);
          }
          if (!r.ok) process.exitCode = 1;
        });
      }),
    );

  sweeps
    .command("resume")
    .argument("<id>")
    .option("--threads <n>", "worker threads")
    .description("run the missing trials of an interrupted sweep and finish it")
    .action(
      action(async (ctx, given: string, opts: { threads?: string }) => {
        const row = await withSweeps(ctx, opts.threads, (service) =>
          follow(ctx, service, service.get(resolveSweepId(service, given))),
        );
        report(ctx, row, false);
      }),
    );

  sweeps
    .command("cancel")
    .argument("<id>")
    .description("cancel a sweep (a process running it stops after its current batch)")
    .action(
      action(async (ctx, given: string) => {
        await withSweeps(ctx, undefined, async (service) => {
          const id = resolveSweepId(service, given);
          const row = await service.cancel(id);
          if (ctx.json) printJson(sweepView(row));
          else process.stdout.write(`sweep ${id} ${row.status}\n`);
        });
      }),
    );

  sweeps
    .command("delete")
    .argument("<id>")
    .description("delete a sweep, its trials and its artifacts (its top_k runs stay)")
    .action(
      action(async (ctx, given: string) => {
        await withSweeps(ctx, undefined, async (service) => {
          const id = resolveSweepId(service, given);
          service.delete(id);
          if (ctx.json) printJson({ sweep_id: id, deleted: true });
          else process.stdout.write(`deleted sweep ${id}\n`);
        });
      }),
    );
}
