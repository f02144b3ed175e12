/**
 * @module core/json-depth
 * A nesting limit for JSON text, checked before it is parsed. `JSON.parse` itself copes with deep input, but
 * everything that walks the parsed value afterwards (validation, canonical hashing, serialization) recurses, so
 * 400k levels of `[` would exhaust the stack far from the edge that accepted them. The check is one iterative
 * pass over the characters (strings, with their escapes, are skipped), so it cannot overflow on the input it
 * exists to refuse.
 */
import { StudioError } from "./errors.js";
import { LIMITS } from "./limits.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * The deepest nesting of arrays and objects in `text` (0 for a scalar). The scan stops as soon as the depth
 * passes `stopAbove`, so refusing a huge input costs no more than reading its first levels. Text that is not
 * JSON gets some number; JSON.parse reports what is wrong with it.
 */
export function jsonDepth(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return max;
}

/** CONFIG_INVALID naming `what` when `text` nests deeper than `limit` levels. */
export function assertJsonDepth(text: string, what: string, limit: number = LIMITS.maxJsonDepth): void {
  if (jsonDepth(text, limit) > limit) {
    throw new StudioError(
      "CONFIG_INVALID",
      `${what} nests arrays and objects more than ${limit} levels deep (the limit)`,
      { limit_depth: limit },
    );
  }
}
