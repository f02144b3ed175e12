/**
 * @module engine/simulation/fill-log
 * The fills of a run, column by column, handed out at the end as exact-length views. Fills are rare next to bars
 * (a crossover strategy makes a few thousand in a million bars), so the columns start small and double when
 * full: no pass over the targets to size them, and no memory for fills that never happen. Besides the trades.parquet
 * columns the log keeps each fill's book state (equity before; cash, cumulative fees and average entry after), from
 * which round trips and the piecewise-constant portfolio columns are derived after the loop. Every column is
 * declared once, in COLUMNS: a new fill column is one line there (plus the line of the book that writes it, and a
 * field of the `Fills` result); allocation, growth and the exact-length views follow from the declaration.
 */
import type { ColumnWorkspace, WorkspaceSlot } from "../../core/column-workspace.js";
import type { Fills } from "../../core/results.js";

type ColumnType = Float64ArrayConstructor | Int32ArrayConstructor | Int8ArrayConstructor;

/** Every column of the log and its array type; the last five are the book state, the rest are `Fills`. */
const COLUMNS = {
  barIndex: Int32Array,
  ts: Float64Array,
  side: Int8Array,
  qty: Float64Array,
  price: Float64Array,
  fee: Float64Array,
  slippage: Float64Array,
  pnlRealized: Float64Array,
  borrowCost: Float64Array,
  reason: Int8Array,
  equityBefore: Float64Array,
  cashAfter: Float64Array,
  feesAfter: Float64Array,
  avgEntryAfter: Float64Array,
  positionAfter: Float64Array,
} satisfies Record<string, ColumnType>;

type ColumnName = keyof typeof COLUMNS;
type Columns = { [K in ColumnName]: InstanceType<(typeof COLUMNS)[K]> };
const NAMES = Object.keys(COLUMNS) as ColumnName[];
const STATE = ["equityBefore", "cashAfter", "feesAfter", "avgEntryAfter", "positionAfter"] as const;
type StateName = (typeof STATE)[number];

/** Per fill: what round trips and the derived portfolio columns need from the book. */
export type FillBookState = {
  /** equityBefore: equity marked at the fill price just before the fill, the base of a trip's return;
   * cashAfter, feesAfter (cumulative commissions), avgEntryAfter (0 when flat) and positionAfter: the book after
   * the fill. */
  readonly [K in StateName]: Float64Array;
};

const INITIAL_CAPACITY = 64;
/** Bytes of one row over all columns, before alignment. */
const ROW_BYTES = NAMES.reduce((sum, name) => sum + COLUMNS[name].BYTES_PER_ELEMENT, 0);

/** Bytes of the columns of `capacity` rows laid over one buffer, each column 8-byte aligned. */
function layoutBytes(capacity: number): number {
  let bytes = 0;
  for (const name of NAMES) bytes += align8(capacity * COLUMNS[name].BYTES_PER_ELEMENT);
  return bytes;
}

/** The most rows whose columns fit in `bytes`. */
function capacityOf(bytes: number): number {
  let capacity = Math.floor(bytes / ROW_BYTES);
  while (layoutBytes(capacity) > bytes) capacity--;
  return capacity;
}

/** All columns as views of one buffer (one allocation per growth, not one per column), each 8-byte aligned. */
function allocate(capacity: number, buffer = new ArrayBuffer(layoutBytes(capacity))): Columns {
  const out = {} as Record<ColumnName, Float64Array | Int32Array | Int8Array>;
  let offset = 0;
  for (const name of NAMES) {
    out[name] = new COLUMNS[name](buffer, offset, capacity);
    offset += align8(capacity * COLUMNS[name].BYTES_PER_ELEMENT);
  }
  return out as Columns;
}

function align8(bytes: number): number {
  return (bytes + 7) & ~7;
}

export class FillLog {
  length = 0;
  private capacity: number;
  /** The columns, to be written at the row `append` returns (and read only through `fills`/`bookState`). */
  cols: Columns;
  /** With a workspace, the pooled buffer under the columns: a log that grew in one run starts the next one at
   * that size, and its views are valid until the workspace's next reset. */
  private readonly slot: WorkspaceSlot | undefined;

  constructor(workspace?: ColumnWorkspace) {
    this.slot = workspace?.slot(layoutBytes(INITIAL_CAPACITY));
    this.capacity = this.slot === undefined ? INITIAL_CAPACITY : capacityOf(this.slot.buffer.byteLength);
    this.cols = allocate(this.capacity, this.slot?.buffer);
  }

  /** Appends a row and returns its index; the caller writes the fill's value into every column at it. */
  append(): number {
    if (this.length === this.capacity) this.grow();
    return this.length++;
  }

  fills(): Fills {
    const { barIndex, ts, side, qty, price, fee, slippage, pnlRealized, borrowCost, reason } = this.views();
    return {
      length: this.length,
      barIndex,
      ts,
      side,
      qty,
      price,
      fee,
      slippage,
      pnlRealized,
      borrowCost,
      reason,
    };
  }

  /** Book state around each fill, beyond the trades.parquet columns; see FillBookState. */
  bookState(): FillBookState {
    const { equityBefore, cashAfter, feesAfter, avgEntryAfter, positionAfter } = this.views();
    return { equityBefore, cashAfter, feesAfter, avgEntryAfter, positionAfter };
  }

  private views(): Columns {
    const out = {} as Record<ColumnName, Float64Array | Int32Array | Int8Array>;
    for (const name of NAMES) out[name] = this.cols[name].subarray(0, this.length);
    return out as Columns;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    // Always a new buffer (the columns are copied out of the old one); the slot keeps it for the next run.
    const buffer = new ArrayBuffer(layoutBytes(capacity));
    if (this.slot !== undefined) this.slot.buffer = buffer;
    const next = allocate(capacity, buffer);
    for (const name of NAMES) next[name].set(this.cols[name] as never);
    this.cols = next;
    this.capacity = capacity;
  }
}
