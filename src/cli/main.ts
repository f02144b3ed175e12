/**
 * @module cli/main
 * The `studio` command line. Each command group lives in its own file under `cli/commands/` and registers itself
 * on the program; this file only wires the global options and the process-level contract: usage errors
 * (unknown command or option, missing argument) exit 2 like any other invalid input, and a reader that stops
 * early (`studio runs show ID | head -1`) ends the command quietly instead of crashing it with EPIPE.
 */
import { Command, CommanderError } from "commander";
import { CODE_VERSION } from "../core/code-version.js";
import { StudioError } from "../core/errors.js";
import { registerCacheCommands } from "./commands/cache.js";
import { registerDataCommands } from "./commands/data.js";
import { registerInitCommand } from "./commands/init.js";
import { registerPluginsCommands } from "./commands/plugins.js";
import { registerPresetsCommands } from "./commands/presets.js";
import { registerRunCommand } from "./commands/run.js";
import { registerRunsCommands } from "./commands/runs.js";
import { registerServeCommand } from "./commands/serve.js";
import { registerSweepCommand } from "./commands/sweep.js";
import { registerSweepsCommands } from "./commands/sweeps.js";
import { registerWorkerCommand } from "./commands/worker.js";
import { exitCodeFor, printJson } from "./context.js";

export function buildProgram(): Command {
  const program = new Command("studio")
    .description("backtest-studio: look-ahead-free backtests, honest validation, reproducible artifacts")
    .version(CODE_VERSION)
    .option("--home <dir>", "studio home folder (default: $STUDIO_HOME or the working directory)")
    .option("--json", "print machine-readable JSON on stdout")
    .option(
      "--skip-plugin-check",
      "do not run the look-ahead check on a user plugin's first use (experts; runs record that it was skipped)",
    )
    .showHelpAfterError()
    // Subcommands copy this when they are created, so it must come before the register calls.
    .exitOverride();
  registerRunCommand(program);
  registerRunsCommands(program);
  registerPresetsCommands(program);
  registerServeCommand(program);
  registerDataCommands(program);
  registerCacheCommands(program);
  registerInitCommand(program);
  registerPluginsCommands(program);
  registerSweepCommand(program);
  registerSweepsCommands(program);
  registerWorkerCommand(program);
  return program;
}

const CLOSED = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

// The reader of stdout went away: what the command was asked to print has nowhere to go, so stop quietly.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code !== undefined && CLOSED.has(err.code)) process.exit(process.exitCode ?? 0);
  throw err;
});
// stderr only carries progress and diagnostics: losing its reader must not abort a run half-way.
process.stderr.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === undefined || !CLOSED.has(err.code)) throw err;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  // Help and --version end with 0; everything else commander refuses is a usage error, already on stderr.
  if (err.exitCode === 0) process.exitCode = 0;
  else {
    const args = process.argv.slice(2);
    const end = args.indexOf("--");
    if ((end < 0 ? args : args.slice(0, end)).includes("--json")) {
      const message = err.message.replace(/^error: /, "");
      printJson({ error: new StudioError("CONFIG_INVALID", message).toJSON() });
    }
    process.exitCode = exitCodeFor("CONFIG_INVALID");
  }
}
