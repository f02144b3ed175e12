/**
 * @module cli/commands/runs-open
 * `studio runs open ID [--no-browser]`: opens the run's report.html in the default browser (xdg-open, open or
 * start) and always prints its path. Where no browser can be started (no display, no opener installed, a
 * headless server) it prints the path and succeeds: a missing display is not the user's error.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { StudioError } from "../../core/errors.js";
import { REPORT_NAME } from "../../report/report-name.js";
import { runDir } from "../../runs/run-paths.js";
import { action, printJson } from "../context.js";
import { resolveRunId } from "../resolve-run-id.js";
import { withStudio } from "../with-studio.js";

function opener(): { cmd: string; args: string[] } | undefined {
  if (process.platform === "darwin") return { cmd: "open", args: [] };
  if (process.platform === "win32") return { cmd: "cmd", args: ["/c", "start", ""] };
  // Without a display xdg-open would fall back to a text browser or fail; print the path instead.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  return { cmd: "xdg-open", args: [] };
}

/** Starts the opener detached; resolves whether it could be started at all. */
function tryOpen(file: string): Promise<boolean> {
  const o = opener();
  if (!o) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(o.cmd, [...o.args, file], { detached: true, stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
}

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
        const opened = opts.browser ? await tryOpen(file) : false;
        if (ctx.json) printJson({ report: file, opened });
        else process.stdout.write(`${opened ? "opened" : "report"}: ${file}\n`);
      }),
    );
}
