/**
 * @module cli/commands/runs-compare
 * `studio runs compare A B [C D]`: the metrics of 2 to 4 runs side by side with each one's difference from the
 * first, then the config fields that differ. Under `--json`: `{runs, metrics, config_diff}` with raw values.
 */
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { compareMetrics, configDiff } from "../../report/compare-runs.js";
import { action, printJson } from "../context.js";
import { table } from "../format.js";
import { resolveRunId, shortId, strategyLabel } from "../resolve-run-id.js";
import { withStudio } from "../with-studio.js";

export function registerRunsCompareCommand(runs: Command): void {
  runs
    .command("compare")
    .argument("<run_ids...>", "2 to 4 run ids or unique prefixes")
    .description("metrics side by side with the differences from the first run, and the config diff")
    .action(
      action(async (ctx, given: string[]) => {
        if (given.length < 2 || given.length > 4) {
          throw new StudioError("CONFIG_INVALID", `compare takes 2 to 4 runs, got ${given.length}`, {
            issues: [{ path: "run_ids", message: "give 2 to 4 runs", value: given }],
          });
        }
        const views = await withStudio(ctx, (studio) =>
          given.map((g) => studio.get(resolveRunId(studio, g))),
        );
        const metrics = views.map((v) => v.metrics_summary);
        const configs = views.map((v) => v.config);
        if (ctx.json) {
          const diff = configDiff(configs).map((r) => ({ path: r.path, values: r.values }));
          return printJson({
            runs: views.map((v) => ({ run_id: v.run_id, status: v.status, config: v.config })),
            metrics,
            config_diff: diff,
          });
        }
        const ids = views.map((v) => shortId(v.run_id));
        const header = ["metric", ids[0]!, ...ids.slice(1).flatMap((id) => [id, "diff"])];
        const rows = compareMetrics(metrics).map((r) => [
          r.key,
          r.values[0]!,
          ...r.values.slice(1).flatMap((v, i) => [v, r.diffs[i + 1]!]),
        ]);
        const labels = views.map((v) => `  ${shortId(v.run_id)}  ${v.status}  ${strategyLabel(v.config)}`);
        process.stdout.write(`runs\n${labels.join("\n")}\n\n${table(header, rows)}\n\n`);
        const diff = configDiff(configs);
        if (diff.length === 0) process.stdout.write("config: identical\n");
        else
          process.stdout.write(
            `config diff\n${table(
              ["field", ...ids],
              diff.map((d) => [d.path, ...d.values]),
            )}\n`,
          );
      }),
    );
}
