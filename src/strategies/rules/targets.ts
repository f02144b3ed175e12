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

/**
 * Targets into `out`. Empty short rules may be passed as null: the long-only loop then skips them. `none` is an
 * all-false column of at least `out.length` values, read for a null short rule when the other is not null.
 */
export function positionTargets(
  longEntry: Uint8Array,
  longExit: Uint8Array,
  shortEntry: Uint8Array | null,
  shortExit: Uint8Array | null,
  out: Float64Array,
  none: Uint8Array = new Uint8Array(out.length),
): TargetReport {
  if (shortEntry === null && shortExit === null) {
    longOnly(longEntry, longExit, out);
    return { bothEntries: 0, firstBothEntries: -1 };
  }
  const se = shortEntry ?? none;
  const sx = shortExit ?? none;
  let target = 0;
  let both = 0;
  let first = -1;
  for (let t = 0; t < out.length; t++) {
    const le = longEntry[t]!;
    const s = se[t]!;
    if (le & s) {
      if (both++ === 0) first = t;
    } else if (le) target = 1;
    else if (s) target = -1;
    else if (target === 1) {
      if (longExit[t]) target = 0;
    } else if (target === -1 && sx[t]) target = 0;
    out[t] = target;
  }
  return { bothEntries: both, firstBothEntries: first };
}

/**
 * The same machine without short rules: an entry sets +1, otherwise an exit sets 0. Conditions are 0/1, so this is
 * `target = entry | (target & !exit)`, without a branch per bar.
 */
function longOnly(longEntry: Uint8Array, longExit: Uint8Array, out: Float64Array): void {
  let target = 0;
  for (let t = 0; t < out.length; t++) {
    target = longEntry[t]! | (target & (longExit[t]! ^ 1));
    out[t] = target;
  }
}
