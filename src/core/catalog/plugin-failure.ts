/**
 * @module core/catalog/plugin-failure
 * How a plugin failing at run time is reported. A user's plugin that throws, writes a non-finite target or
 * returns a bad output is PLUGIN_FAILED: the user's code, named, with the first bad bar. The same failure in a
 * built-in is a studio bug, so it stays INTERNAL (a 5xx in a log always means a bug), still naming the plugin.
 * A StudioError thrown by a plugin (e.g. a rule's own CONFIG_INVALID) passes through unchanged.
 */

import { StudioError } from "../errors.js";
import { describeOrigin, type Origin } from "./plugin-origin.js";

/** `what` names the plugin, e.g. `strategy "mine"`. */
export function pluginFailure(
  origin: Origin,
  what: string,
  message: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): StudioError {
  const code = origin === "builtin" ? "INTERNAL" : "PLUGIN_FAILED";
  const from = origin === "builtin" ? "" : ` (${describeOrigin(origin)})`;
  return new StudioError(
    code,
    `${what}${from} ${message}`,
    details,
    cause === undefined ? undefined : { cause },
  );
}

/** Runs `fn`, reporting anything but a StudioError it throws as a failure of the plugin `what`. */
export function callPlugin<T>(origin: Origin, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof StudioError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw pluginFailure(origin, what, `threw: ${message}`, undefined, err);
  }
}
