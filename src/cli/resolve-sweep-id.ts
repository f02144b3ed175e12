/**
 * @module cli/resolve-sweep-id
 * A sweep id or a unique prefix of one (cli/resolve-id.ts), matched against every stored sweep.
 */
import type { SweepRow } from "../store/repos/sweeps-repo.js";
import { sweepView } from "../sweeps/sweep-view.js";
import { resolveId } from "./resolve-id.js";

/** The part of the sweep store or service a resolver needs. */
export interface SweepLister {
  list(limit?: number): SweepRow[];
}

export function resolveSweepId(sweeps: SweepLister, given: string): string {
  return resolveId(
    "sweep",
    () =>
      sweeps.list(Number.MAX_SAFE_INTEGER).map((s) => {
        const view = sweepView(s);
        return { id: s.sweepId, status: s.status, label: view.strategy };
      }),
    given,
  );
}
