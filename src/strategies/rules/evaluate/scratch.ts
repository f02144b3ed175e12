/**
 * @module strategies/rules/evaluate/scratch
 * The evaluator's registers (block-sized step buffers), kept between evaluations. A validation run evaluates the
 * same rules on thousands of series; allocating (and page-faulting) fresh buffers every time would cost more than
 * the steps themselves. Buffers of another length are dropped, and at most MAX_RETAINED_BYTES (or the given limit)
 * are kept, so a long-lived process holds little after a big run. Evaluation is synchronous, so one scratch per
 * thread is safe.
 */
import type { ValueType } from "../compile/functions.js";

export type Column = Float64Array | Uint8Array;

export const MAX_RETAINED_BYTES = 64 * 1024 * 1024;

export class Scratch {
  #length = -1;
  #free: Record<ValueType, Column[]> = { number: [], condition: [] };
  #retained = 0;
  #zeros = new Uint8Array(0);
  readonly #limit: number;

  constructor(limit = MAX_RETAINED_BYTES) {
    this.#limit = limit;
  }

  /** A column of `length` values of `type`; its contents are garbage (every kernel writes every element). */
  take(type: ValueType, length: number): Column {
    if (length !== this.#length) {
      this.#free = { number: [], condition: [] };
      this.#retained = 0;
      this.#length = length;
    }
    const reused = this.#free[type].pop();
    if (reused !== undefined) {
      this.#retained -= reused.byteLength;
      return reused;
    }
    return type === "number" ? new Float64Array(length) : new Uint8Array(length);
  }

  /** Hands a column back for a later `take`. */
  give(type: ValueType, column: Column): void {
    if (column.length !== this.#length || this.#retained + column.byteLength > this.#limit) return;
    this.#free[type].push(column);
    this.#retained += column.byteLength;
  }

  /** A read-only all-false condition of at least `length` values (never handed out by `take`). */
  zeros(length: number): Uint8Array {
    if (this.#zeros.length < length) this.#zeros = new Uint8Array(length);
    return this.#zeros;
  }
}
