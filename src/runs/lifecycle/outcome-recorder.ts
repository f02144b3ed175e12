/**
 * @module runs/lifecycle/outcome-recorder
 * Records how a run ended in its row even when the database cannot be written, which is what a full disk does.
 * The outcome is written at once when it can be; otherwise it is kept in memory, the studio shows it as the
 * run's state (so reads, cancel, delete, SSE and resubmitting all see a finished run), and it is written again
 * every `retryMs` and before each new submission, until it sticks or the run is deleted. The final events are
 * sent either way, so nobody waits for ever. If the process stops first, start-up recovery marks the run
 * INTERRUPTED, as for any run whose owner is gone.
 */
import type { RunPatch, RunRow, RunStatus } from "../../store/repos/runs-repo.js";
import type { Store } from "../../store/store.js";

export const OUTCOME_RETRY_MS = 1000;

interface Pending {
  readonly patch: RunPatch;
  readonly from: readonly RunStatus[];
}

export class OutcomeRecorder {
  private readonly pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly retryMs = OUTCOME_RETRY_MS,
  ) {}

  /**
   * Applies `patch` if the row's status is one of `from`, and never throws: "applied", "skipped" (the status had
   * moved on, or the row is gone) or "pending" (the write failed; the outcome is held in memory and retried).
   */
  record(runId: string, patch: RunPatch, from: readonly RunStatus[]): "applied" | "skipped" | "pending" {
    const written = this.tryWrite(runId, { patch, from });
    if (written !== undefined) return written ? "applied" : "skipped";
    this.pending.set(runId, { patch, from });
    this.timer ??= setInterval(() => this.flush(), this.retryMs).unref();
    return "pending";
  }

  /** The row as the studio should show it: with its unwritten outcome, if any. */
  overlay(row: RunRow): RunRow {
    const p = this.pending.get(row.runId);
    return p ? { ...row, ...p.patch } : row;
  }

  isPending(runId: string): boolean {
    return this.pending.has(runId);
  }

  /** Tries every unwritten outcome again. */
  flush(): void {
    for (const [runId, p] of this.pending) {
      if (this.tryWrite(runId, p) !== undefined) this.pending.delete(runId);
    }
    if (this.pending.size === 0) this.stopTimer();
  }

  /** The run's row is gone (deleted): nothing left to write. */
  forget(runId: string): void {
    this.pending.delete(runId);
    if (this.pending.size === 0) this.stopTimer();
  }

  /** One last attempt, then stop retrying (what is still unwritten is left to start-up recovery). */
  close(): void {
    this.flush();
    this.pending.clear();
    this.stopTimer();
  }

  /** Whether the row changed; undefined when the write failed. */
  private tryWrite(runId: string, p: Pending): boolean | undefined {
    try {
      return this.store.runs.update(runId, p.patch, p.from);
    } catch {
      return undefined;
    }
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
