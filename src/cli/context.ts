/**
 * @module cli/context
 * What every command shares: the global options (`--home`, `--json`) and one way to end a command. Errors are
 * printed as `error CODE: message` on stderr, or as `{"error":{code,message}}` on stdout under `--json`, and the
 * process exits non-zero; nothing else in the CLI prints errors.
 */
import type { Command } from "commander";
import { toStudioError } from "../core/errors.js";
import { type HomePaths, resolveHome } from "../store/home.js";

export interface CliContext {
  readonly home: HomePaths;
  readonly json: boolean;
}

/** Global options as seen from any (sub)command. */
export function contextOf(cmd: Command): CliContext {
  const opts = cmd.optsWithGlobals<{ home?: string; json?: boolean }>();
  return { home: resolveHome(opts.home), json: opts.json === true };
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
