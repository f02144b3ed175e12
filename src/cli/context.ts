/**
 * @module cli/context
 * What every command shares: the global options (`--home`, `--json`, `--skip-plugin-check`), one way to open
 * the studio with the home's plugin files (a file that does not load is a warning on stderr naming it and its
 * error; runs that need it fail at submit), and one way to end a command. Errors are
 * printed as `error CODE: message` on stderr, or as `{"error":{code,message}}` on stdout under `--json`, and the
 * process exits non-zero; nothing else in the CLI prints errors.
 */
import type { Command } from "commander";
import { toStudioError } from "../core/errors.js";
import { loadStudio } from "../plugins/home-catalog.js";
import type { OpenStudioOptions } from "../runs/open-studio.js";
import type { Studio } from "../runs/studio.js";
import { type HomePaths, resolveHome } from "../store/home.js";

export interface CliContext {
  readonly home: HomePaths;
  readonly json: boolean;
  /** Skip the first-use look-ahead check of user plugins (`--skip-plugin-check`). */
  readonly skipPluginCheck: boolean;
}

/** Global options as seen from any (sub)command. */
export function contextOf(cmd: Command): CliContext {
  const opts = cmd.optsWithGlobals<{ home?: string; json?: boolean; skipPluginCheck?: boolean }>();
  return {
    home: resolveHome(opts.home),
    json: opts.json === true,
    skipPluginCheck: opts.skipPluginCheck === true,
  };
}

/** The studio of the home with its plugin files loaded; broken files are reported on stderr. */
export async function openCliStudio(
  ctx: CliContext,
  options: Pick<OpenStudioOptions, "resumeQueued"> = {},
): Promise<Studio> {
  const loaded = await loadStudio(ctx.home, {
    ...options,
    ...(ctx.skipPluginCheck ? { skipPluginCheck: true } : {}),
  });
  for (const b of loaded.broken) process.stderr.write(`warning ${b.error.code}: ${b.error.message}\n`);
  return loaded.studio;
}

/** Exit codes: 0 success, 1 a run or operation failed, 2 invalid input. */
export function exitCodeFor(code: string): number {
  return code === "CONFIG_INVALID" ? 2 : 1;
}

/** Wraps a command action: runs it with the context, reports any error in the chosen format. */
export function action<A extends unknown[]>(
  fn: (ctx: CliContext, ...args: A) => Promise<void> | void,
): (...args: [...A, Command]) => Promise<void> {
  return async (...args) => {
    const cmd = args[args.length - 1] as Command;
    const ctx = contextOf(cmd);
    try {
      await fn(ctx, ...(args.slice(0, -1) as A));
    } catch (err) {
      const e = toStudioError(err);
      if (ctx.json) process.stdout.write(`${JSON.stringify({ error: e.toJSON() })}\n`);
      else process.stderr.write(`error ${e.code}: ${e.message}\n`);
      process.exitCode = exitCodeFor(e.code);
    }
  };
}

/** Prints a JSON value as one line (the `--json` contract: exactly one object on stdout). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
