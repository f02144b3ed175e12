/**
 * @module core/column-workspace
 * Pooled buffers for a loop that runs the pipeline over and over (validation replications, sweep trials, the
 * benchmark): each run asks for the same columns in the same order, so slot k of the pool serves the k-th request
 * of every run, and after the first run no full-length column is allocated or first touched again (on a million
 * bars a fresh 8 MB column costs about a millisecond of page faults more than a reused one, plus the garbage
 * collections it triggers). A workspace is a value its owner creates and passes in; nothing in the core keeps one
 * at module level.
 *
 * The rules:
 * - The owner calls `reset()` at the start of each run; everything handed out before is then invalid, because the
 *   next run writes over it. A result built from workspace columns is therefore valid only until the next reset:
 *   whatever must outlive it (a statistic, an objective value, a copy) is read or copied out before.
 * - Contents are stale, not zeroed: whoever takes a column writes every element it later reads.
 * - Only code that runs before the run returns takes from the workspace. Columns derived lazily on first access
 *   (a result's drawdown or cash column) allocate fresh, so reading one late cannot take a slot of the next run.
 * Without a workspace every stage allocates fresh, as a one-off run whose results outlive the call must.
 */

/** One pooled buffer, kept across runs; `ensure` replaces it with a larger one when a run needs more. */
export class WorkspaceSlot {
  buffer: ArrayBuffer;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /** Makes the buffer hold at least `bytes` (a new buffer when it is smaller: the old contents are not kept). */
  ensure(bytes: number): ArrayBuffer {
    if (this.buffer.byteLength < bytes) this.buffer = new ArrayBuffer(bytes);
    return this.buffer;
  }
}

export class ColumnWorkspace {
  private readonly slots: WorkspaceSlot[] = [];
  private next = 0;

  /** Starts a run: the slots are handed out again from the first, in request order. */
  reset(): void {
    this.next = 0;
  }

  /** The next slot, holding at least `bytes` (stale contents). */
  slot(bytes: number): WorkspaceSlot {
    let s = this.slots[this.next];
    if (s === undefined) {
      s = new WorkspaceSlot(bytes);
      this.slots.push(s);
    } else s.ensure(bytes);
    this.next++;
    return s;
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.slot(length * 8).buffer, 0, length);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.slot(length * 4).buffer, 0, length);
  }

  int8(length: number): Int8Array {
    return new Int8Array(this.slot(length).buffer, 0, length);
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.slot(length).buffer, 0, length);
  }

  /** Bytes held by the pool (for tests and memory notes). */
  get bytes(): number {
    let total = 0;
    for (const s of this.slots) total += s.buffer.byteLength;
    return total;
  }
}

/** A Float64Array of `length` from `workspace`, or a fresh (zeroed) one without. */
export function float64Column(length: number, workspace: ColumnWorkspace | undefined): Float64Array {
  return workspace === undefined ? new Float64Array(length) : workspace.float64(length);
}
