/**
 * @module cli/commands/runs
 * `studio runs list|show|delete|verify|export`: the stored runs, their artifacts and their integrity.
 */
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { formatMetric, formatMetrics } from "../../report/format-metric.js";
import { type ExportFormat, exportArtifact, exportFileOf } from "../../runs/artifacts/export-artifact.js";
import { MANIFEST_NAME, type Manifest } from "../../runs/artifacts/manifest.js";
import { parseManifest } from "../../runs/artifacts/parse-manifest.js";
import { openRunFile } from "../../runs/artifacts/run-file.js";
import { verifyArtifacts } from "../../runs/artifacts/verify-artifacts.js";
import { RUN_STATUSES, type RunStatus } from "../../runs/events/events.js";
import { runDir } from "../../runs/run-paths.js";
import { action, printJson } from "../context.js";
import { isoTime, keyValueTable, table } from "../format.js";
import { resolveRunId, shortId, strategyLabel } from "../resolve-run-id.js";
import { barMsOf, readRunFiles, runResultText } from "../run-text.js";
import { withStudio } from "../with-studio.js";
import { registerRunsCompareCommand } from "./runs-compare.js";
import { registerRunsOpenCommand } from "./runs-open.js";

async function readManifest(dir: string): Promise<Manifest | undefined> {
  const opened = await openRunFile(dir, MANIFEST_NAME);
  if (!opened.ok) return undefined;
  try {
    return parseManifest(await opened.handle.readFile());
  } finally {
    await opened.handle.close();
  }
}

export function registerRunsCommands(program: Command): void {
  const runs = program
    .command("runs")
    .description("list, inspect, compare, open, verify, export and delete runs (any unique id prefix works)");

  runs
    .command("list")
    .description("runs, newest first")
    .option("--status <status>", `only runs with this status (${RUN_STATUSES.join(", ")})`)
    .option("--limit <n>", "at most n runs", "50")
    .action(
      action(async (ctx, opts: { status?: string; limit: string }) => {
        if (opts.status !== undefined && !RUN_STATUSES.includes(opts.status as RunStatus)) {
          throw new StudioError(
            "CONFIG_INVALID",
            `--status must be one of ${RUN_STATUSES.join(", ")}, got "${opts.status}"`,
          );
        }
        const limit = Number.parseInt(opts.limit, 10);
        if (!(limit > 0))
          throw new StudioError("CONFIG_INVALID", `--limit must be a positive integer, got "${opts.limit}"`);
        await withStudio(ctx, (studio) => {
          const list = studio.list({ status: opts.status as RunStatus | undefined, limit });
          if (ctx.json) return printJson(list);
          const rows = list.map((r) => {
            const c = r.config as { symbol: string; timeframe: string };
            const m = r.metrics_summary ?? {};
            return [
              shortId(r.run_id),
              r.status,
              isoTime(r.created_at),
              `${c.symbol} ${c.timeframe}`,
              strategyLabel(r.config),
              formatMetric("total_return", m.total_return),
              formatMetric("sharpe", m.sharpe),
              formatMetric("max_drawdown", m.max_drawdown),
            ];
          });
          process.stdout.write(
            `${table(["id", "status", "created", "market", "strategy", "return", "sharpe", "max_dd"], rows)}\n`,
          );
        });
      }),
    );

  runs
    .command("show")
    .argument("<run_id>")
    .description("one run: status, config, metrics, artifacts")
    .action(
      action(async (ctx, given: string) => {
        await withStudio(ctx, async (studio) => {
          const runId = resolveRunId(studio, given);
          const view = studio.get(runId);
          const dir = runDir(ctx.home, runId);
          // A manifest that cannot be read is shown as absent; `runs verify` says what is wrong with it.
          const manifest = view.status === "completed" ? ((await readManifest(dir)) ?? null) : null;
          if (ctx.json) return printJson({ ...view, run_dir: dir, manifest });
          process.stdout.write(
            `${keyValueTable([
              ["run_id", view.run_id],
              ["strategy", strategyLabel(view.config)],
              ["status", view.status],
              ["stage", view.stage],
              ["created", isoTime(view.created_at)],
              ["completed", isoTime(view.completed_at)],
              ["finished", isoTime(view.finished_at)],
              ["hash", view.hash],
              ["error", view.error_code ? `${view.error_code}: ${view.error_message}` : null],
              ["run_dir", manifest ? dir : null],
            ])}\n`,
          );
          if (manifest) process.stdout.write(`\n${runResultText(readRunFiles(dir), view.config)}\n`);
          else if (view.metrics_summary)
            process.stdout.write(
              `\n${keyValueTable(formatMetrics(view.metrics_summary, barMsOf(view.config)))}\n`,
            );
          if (manifest) {
            const files = manifest.files.map((f) => [f.name, String(f.size), f.sha256.slice(0, 16)]);
            process.stdout.write(`\n${table(["artifact", "bytes", "sha256"], files)}\n`);
          }
          process.stdout.write(`\nconfig ${JSON.stringify(view.config)}\n`);
        });
      }),
    );

  runs
    .command("delete")
    .argument("<run_id>")
    .description("delete a run's folder and row")
    .action(
      action(async (ctx, given: string) => {
        const runId = await withStudio(ctx, async (studio) => {
          const id = resolveRunId(studio, given);
          await studio.delete(id);
          return id;
        });
        if (ctx.json) printJson({ run_id: runId, deleted: true });
        else process.stdout.write(`deleted ${runId}\n`);
      }),
    );

  runs
    .command("verify")
    .argument("<run_id>")
    .description("recompute every artifact's sha256 and size against the manifest and the database")
    .action(
      action(async (ctx, given: string) => {
        let runId = given;
        const report = await withStudio(ctx, (studio) => {
          runId = resolveRunId(studio, given);
          const view = studio.get(runId);
          if (view.status !== "completed")
            throw new StudioError(
              "INVALID_TRANSITION",
              `run ${runId} is ${view.status}; only completed runs have artifacts`,
            );
          return verifyArtifacts(runDir(ctx.home, runId), view.artifacts_manifest_sha);
        });
        if (ctx.json) printJson({ run_id: runId, ...report });
        else {
          const rows = [
            ["manifest.json", report.manifest.status],
            ...report.files.map((f) => [f.name, f.status]),
          ];
          process.stdout.write(`${table(["file", "status"], rows)}\n${report.ok ? "ok" : "MISMATCH"}\n`);
        }
        if (!report.ok) process.exitCode = 1;
      }),
    );

  runs
    .command("export")
    .argument("<run_id>")
    .argument(
      "<artifact>",
      "trades, equity, drawdown, portfolio, round_trips, metrics, summary or validation",
    )
    .requiredOption("--format <format>", "csv, json or parquet")
    .option("--out <file>", "write to this file instead of stdout")
    .description("convert an artifact to CSV, JSON or Parquet")
    .action(
      action(async (ctx, given: string, artifact: string, opts: { format: string; out?: string }) => {
        const file = exportFileOf(artifact);
        const dir = await withStudio(ctx, (studio) => {
          const runId = resolveRunId(studio, given);
          const view = studio.get(runId);
          if (view.status !== "completed")
            throw new StudioError(
              "INVALID_TRANSITION",
              `run ${runId} is ${view.status}; only completed runs have artifacts`,
            );
          return runDir(ctx.home, runId);
        });
        const out = await exportArtifact(dir, file, opts.format as ExportFormat);
        const sink: NodeJS.WritableStream = opts.out ? createWriteStream(opts.out) : process.stdout;
        for await (const chunk of out.chunks) {
          if (!sink.write(chunk)) await new Promise((r) => sink.once("drain", r));
        }
        if (opts.out) await new Promise<void>((resolve) => sink.end(resolve));
      }),
    );

  registerRunsCompareCommand(runs);
  registerRunsOpenCommand(runs);
}
