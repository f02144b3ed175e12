/**
 * @module cli/commands/sweeps-open
 * `studio sweeps open ID [--no-browser]`: opens the sweep's report.html in the default browser and always
 * prints its path; where no browser can be started it prints the path and succeeds, as `runs open` does.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { REPORT_NAME } from "../../report/report-name.js";
import { action, printJson } from "../context.js";
import { openInBrowser } from "../open-in-browser.js";
import { resolveSweepId } from "../resolve-sweep-id.js";
import { withSweeps } from "./sweep.js";

export function registerSweepsOpenCommand(sweeps: Command): void {
  sweeps
    .command("open")
    .argument("<id>")
    .option("--no-browser", "only print the report's path")
    .description("open the sweep's report.html in a browser (prints its path)")
    .action(
      action(async (ctx, given: string, opts: { browser: boolean }) => {
        const file = await withSweeps(ctx, undefined, async (service) => {
          const id = resolveSweepId(service, given);
          const row = service.get(id);
          if (row.status !== "completed")
            throw new StudioError(
              "INVALID_TRANSITION",
              `sweep ${id} is ${row.status}; only completed sweeps have a report`,
              { status: row.status },
            );
          return path.join(service.dir(id), REPORT_NAME);
        });
        if (!existsSync(file))
          throw new StudioError(
            "NOT_FOUND",
            `sweep has no ${REPORT_NAME} (written by newer versions): ${file}`,
          );
        const opened = opts.browser ? await openInBrowser(file) : false;
        if (ctx.json) printJson({ report: file, opened });
        else process.stdout.write(`${opened ? "opened" : "report"}: ${file}\n`);
      }),
    );
}
