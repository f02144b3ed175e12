/**
 * @module data/provider-output
 * The check every provider's output passes before it reaches the cache: equal column lengths, strictly
 * increasing timestamps inside the requested range. Providers are plugins; a broken one must fail loudly with
 * INTERNAL here rather than write a cache file that every later run would trust.
 */
import type { Candles } from "../core/candles.js";
import { StudioError } from "../core/errors.js";

export function checkProviderOutput(name: string, c: Candles, start: number, end: number): void {
  const n = c.ts.length;
  for (const col of [c.open, c.high, c.low, c.close, c.volume, c.vwap]) {
    if (col !== undefined && col.length !== n) {
      throw new StudioError("INTERNAL", `${name}: returned columns of unequal length`);
    }
  }
  for (let i = 0; i < n; i++) {
    const t = c.ts[i]!;
    if (t < start || t > end || (i > 0 && !(t > c.ts[i - 1]!))) {
      throw new StudioError(
        "INTERNAL",
        `${name}: bar ${i} at ${t} is out of order or outside [${start}, ${end}]`,
      );
    }
  }
}
