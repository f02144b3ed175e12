/**
 * @module cli/resolve-run-id
 * A run id or a unique prefix of one (cli/resolve-id.ts), matched against every stored run.
 */
import { strategyLabel } from "../report/strategy-label.js";
import type { RunView } from "../runs/run-view.js";
import { resolveId } from "./resolve-id.js";

export { shortId, strategyLabel } from "../report/strategy-label.js";

/** The part of the studio a resolver needs. */
export interface RunLister {
  list(options?: { limit?: number }): RunView[];
}

export function resolveRunId(studio: RunLister, given: string): string {
  return resolveId(
    "run",
    () => studio.list().map((r) => ({ id: r.run_id, status: r.status, label: strategyLabel(r.config) })),
    given,
  );
}
