/**
 * @module strategies/rules/targets
 * The position state machine of the `rules` strategy, over the four evaluated conditions (1 = true on that bar).
 * Per bar, in this order: both entries true -> the target does not change (counted, reported as a warning);
 * long_entry -> +1; short_entry -> -1 (so an entry of the other side reverses, and an entry beats an exit on the
 * same bar); otherwise long_exit closes a long and short_exit closes a short. Flat (0) before the first entry.
 */

export interface TargetReport {
  /** Bars where long_entry and short_entry were both true. */
  readonly bothEntries: number;
  /** The first such bar, -1 if none. */
  readonly firstBothEntries: number;
}

export function positionTargets(
  longEntry: Uint8Array,
  longExit: Uint8Array,
  shortEntry: Uint8Array,
  shortExit: Uint8Array,
  out: Float64Array,
): TargetReport {
  let target = 0;
  let both = 0;
  let first = -1;
  for (let t = 0; t < out.length; t++) {
    const le = longEntry[t]!;
    const se = shortEntry[t]!;
    if (le & se) {
      if (both++ === 0) first = t;
    } else if (le) target = 1;
    else if (se) target = -1;
    else if (target === 1) {
      if (longExit[t]) target = 0;
    } else if (target === -1 && shortExit[t]) target = 0;
    out[t] = target;
  }
  return { bothEntries: both, firstBothEntries: first };
}
