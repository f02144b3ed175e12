/**
 * @module cli/resolve-run-id
 * People type the first few characters of a run id (the 8 that `runs list` shows). A full id passes through
 * untouched; a prefix is matched against every stored run: one match is the run, none is NOT_FOUND, several is
 * CONFIG_INVALID with the matching runs in `details.matches` (and in the message) so the user can type more.
 */
import { quote, StudioError } from "../core/errors.js";
import { strategyLabel } from "../report/strategy-label.js";
import { isRunId } from "../runs/run-paths.js";
import type { RunView } from "../runs/run-view.js";

export { shortId, strategyLabel } from "../report/strategy-label.js";

/** The part of the studio a resolver needs. */
export interface RunLister {
  list(options?: { limit?: number }): RunView[];
}

const PREFIX = /^[0-9a-f-]{1,36}$/;
const SHOWN = 10;

export function resolveRunId(studio: RunLister, given: string): string {
  const prefix = given.trim().toLowerCase();
  if (isRunId(prefix)) return prefix;
  if (!PREFIX.test(prefix)) {
    throw new StudioError(
      "NOT_FOUND",
      `no run ${quote(given)}: give a run id or the start of one (hex digits)`,
    );
  }
  const matches = studio.list().filter((r) => r.run_id.startsWith(prefix));
  if (matches.length === 1) return matches[0]!.run_id;
  if (matches.length === 0) throw new StudioError("NOT_FOUND", `no run id starts with ${quote(given)}`);
  const listed = matches.slice(0, SHOWN).map((r) => `  ${r.run_id}  ${r.status}  ${strategyLabel(r.config)}`);
  if (matches.length > SHOWN) listed.push(`  ... and ${matches.length - SHOWN} more`);
  throw new StudioError(
    "CONFIG_INVALID",
    `run id prefix ${quote(given)} matches ${matches.length} runs; type more characters:\n${listed.join("\n")}`,
    {
      issues: [{ path: "run_id", message: "ambiguous prefix", value: given }],
      matches: matches.map((r) => ({
        run_id: r.run_id,
        status: r.status,
        strategy: strategyLabel(r.config),
      })),
    },
  );
}
