/**
 * @module runs/lifecycle/run-queue
 * Runs submitted runs in FIFO order with a concurrency limit (default 1: a backtest already uses every core
 * through the validation pool). Each running run gets an AbortController; cancelling a queued run removes it,
 * cancelling a running one aborts its signal and the pipeline stops at its next check.
 */

export type Execute = (runId: string, signal: AbortSignal) => Promise<void>;

export class RunQueue {
  private readonly pending: string[] = [];
  private readonly active = new Map<string, AbortController>();
  private readonly waiters: (() => void)[] = [];
  private accepting = true;

  constructor(
    private readonly execute: Execute,
    private readonly concurrency = 1,
  ) {
    if (!(concurrency >= 1)) throw new RangeError(`concurrency must be >= 1, got ${concurrency}`);
  }

  enqueue(runId: string): void {
    if (!this.accepting || this.pending.includes(runId) || this.active.has(runId)) return;
    this.pending.push(runId);
    this.pump();
  }

  /** "dequeued" if it was waiting, "aborted" if it was running, "unknown" otherwise. */
  cancel(runId: string): "dequeued" | "aborted" | "unknown" {
    const i = this.pending.indexOf(runId);
    if (i >= 0) {
      this.pending.splice(i, 1);
      this.settle();
      return "dequeued";
    }
    const controller = this.active.get(runId);
    if (controller) {
      controller.abort();
      return "aborted";
    }
    return "unknown";
  }

  isQueued(runId: string): boolean {
    return this.pending.includes(runId);
  }

  isRunning(runId: string): boolean {
    return this.active.has(runId);
  }

  get runningIds(): string[] {
    return [...this.active.keys()];
  }

  /** Stops starting new runs; queued ones stay queued (in the database) for the next start. */
  stop(): void {
    this.accepting = false;
    this.pending.length = 0;
    this.settle();
  }

  /** Resolves when nothing is running and nothing waits (or, after stop(), when running ones finish). */
  idle(): Promise<void> {
    if (this.active.size === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.accepting && this.active.size < this.concurrency && this.pending.length > 0) {
      const runId = this.pending.shift()!;
      const controller = new AbortController();
      this.active.set(runId, controller);
      // The executor reports its own failures; a rejection here would be a bug, so it must not stall the queue.
      void this.execute(runId, controller.signal)
        .catch(() => {})
        .finally(() => {
          this.active.delete(runId);
          this.pump();
          this.settle();
        });
    }
  }

  private settle(): void {
    if (this.active.size === 0 && this.pending.length === 0) {
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }
}
