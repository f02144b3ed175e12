/**
 * @module cli/commands/runs-open
 * `studio runs open ID [--no-browser]`: opens the run's report.html in the default browser (xdg-open, open or
 * start) and always prints its path. Where no browser can be started (no display, no opener installed, a
 * headless server) it prints the path and succeeds: a missing display is not the user's error.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { REPORT_NAME } from "../../report/report-name.js";
import { runDir } from "../../runs/run-paths.js";
import { action, printJson } from "../context.js";
import { openInBrowser } from "../open-in-browser.js";
import { resolveRunId } from "../resolve-run-id.js";
import { withStudio } from "../with-studio.js";

export function registerRunsOpenCommand(runs: Command): void {
  runs
    .command("open")
    .argument("<run_id>", "a run id or a unique prefix")
    .option("--no-browser", "only print the report's path")
    .description("open the run's report.html in a browser (prints its path)")
    .action(
      action(async (ctx, given: string, opts: { browser: boolean }) => {
        const file = await withStudio(ctx, (studio) => {
          const view = studio.get(resolveRunId(studio, given));
          if (view.status !== "completed")
            throw new StudioError(
              "INVALID_TRANSITION",
              `run ${view.run_id} is ${view.status}; only completed runs have a report`,
            );
          return path.join(runDir(ctx.home, view.run_id), REPORT_NAME);
        });
        if (!existsSync(file))
          throw new StudioError(
            "NOT_FOUND",
            `run has no ${REPORT_NAME} (written by newer versions): ${file}`,
          );
        const opened = opts.browser ? await openInBrowser(file) : false;
        if (ctx.json) printJson({ report: file, opened });
        else process.stdout.write(`${opened ? "opened" : "report"}: ${file}\n`);
      }),
    );
}
