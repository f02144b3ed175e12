/**
 * @module data/cancel
 * Cooperative cancellation for data loading: callers pass an AbortSignal, and the data layer checks it between
 * steps (pages, parse, write). An aborted load ends with the studio's CANCELLED code, not a DOMException.
 */
import { StudioError } from "../core/errors.js";

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new StudioError("CANCELLED", "candle loading was cancelled");
}
