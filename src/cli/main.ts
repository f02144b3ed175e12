/**
 * @module cli/main
 * The `studio` command line. Each command group lives in its own file under `cli/commands/` and registers itself
 * on the program; this file only wires the global options.
 */
import { Command } from "commander";
import { CODE_VERSION } from "../core/code-version.js";
import { registerCacheCommands } from "./commands/cache.js";
import { registerDataCommands } from "./commands/data.js";
import { registerInitCommand } from "./commands/init.js";
import { registerPluginsCommands } from "./commands/plugins.js";
import { registerPresetsCommands } from "./commands/presets.js";
import { registerRunCommand } from "./commands/run.js";
import { registerRunsCommands } from "./commands/runs.js";
import { registerServeCommand } from "./commands/serve.js";

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
    .showHelpAfterError();
  registerRunCommand(program);
  registerRunsCommands(program);
  registerPresetsCommands(program);
  registerServeCommand(program);
  registerDataCommands(program);
  registerCacheCommands(program);
  registerInitCommand(program);
  registerPluginsCommands(program);
  return program;
}

await buildProgram().parseAsync(process.argv);
