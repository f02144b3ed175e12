/**
 * @module strategies/rules/evaluate/targets
 * The position state machine of the `rules` strategy, over the four evaluated conditions (1 = true on that bar).
 * Per bar, in this order: both entries true -> the target does not change (counted, reported as a warning);
 * long_entry -> +1; short_entry -> -1 (so an entry of the other side reverses, and an entry beats an exit on the
 * same bar); otherwise long_exit closes a long and short_exit closes a short. Flat (0) before the first entry.
 * Rules fire on few bars, so the machine reads the conditions four bars at a time (one Uint32 per condition) and
 * skips a quiet group, where no condition holds and the target cannot change, writing the run of unchanged
 * targets at once when it ends; a busy group goes bar by bar (for long-only rules, from the words already read).
 */

export interface TargetReport {
  /** Bars where long_entry and short_entry were both true. */
  readonly bothEntries: number;
  /** The first such bar, -1 if none. */
  readonly firstBothEntries: number;
}

/**
 * The position and the conflict count carried from one block of bars to the next, and the bar the next block
 * starts at (for the first conflicting bar's index).
 */
export interface PositionCarry {
  target: number;
  t: number;
  bothEntries: number;
  firstBothEntries: number;
}

export const positionCarry = (): PositionCarry => ({ target: 0, t: 0, bothEntries: 0, firstBothEntries: -1 });

/**
 * Targets into `out`, continuing from `carry` (a fresh one: from bar 0, flat); returns the report so far. Empty
 * short rules may be passed as null: the long-only loop then skips them. `none` is an all-false column of at least
 * `out.length` values, read for a null short rule when the other is not null.
 */
export function positionTargets(
  longEntry: Uint8Array,
  longExit: Uint8Array,
  shortEntry: Uint8Array | null,
  shortExit: Uint8Array | null,
  out: Float64Array,
  none: Uint8Array = new Uint8Array(out.length),
  carry: PositionCarry = positionCarry(),
): TargetReport {
  if (shortEntry === null && shortExit === null) longOnly(longEntry, longExit, out, carry);
  else longShort(longEntry, longExit, shortEntry ?? none, shortExit ?? none, out, carry);
  carry.t += out.length;
  return { bothEntries: carry.bothEntries, firstBothEntries: carry.firstBothEntries };
}

/**
 * The machine without short rules: an entry sets +1, otherwise an exit sets 0. Conditions are 0/1, so this is
 * `target = entry | (target & !exit)`, without a branch per bar.
 */
function longOnly(
  longEntry: Uint8Array,
  longExit: Uint8Array,
  out: Float64Array,
  carry: PositionCarry,
): void {
  const n = out.length;
  const words = wholeWords(n, longEntry, longExit);
  const end = longOnlyGroups(asWords(longEntry, words), asWords(longExit, words), out, carry.target);
  let target = end % 2;
  fillRun(out, (end - target) / 2, words << 2, target);
  for (let t = words << 2; t < n; t++) {
    target = longEntry[t]! | (target & (longExit[t]! ^ 1));
    out[t] = target;
  }
  carry.target = target;
}

/**
 * The long-only machine over whole groups of four bars, up to the last busy one. Returns `run * 2 + target`: the
 * last target and the bar its unwritten run starts at. Nothing follows the loop, so the optimized code V8 enters
 * it with (and reuses from call to call) never meets an operation it has not seen run (see `crosses`).
 */
function longOnlyGroups(entry32: Uint32Array, exit32: Uint32Array, out: Float64Array, from: number): number {
  let target = from;
  let run = 0;
  for (let w = 0; w < entry32.length; w++) {
    const e = entry32[w]!;
    const x = exit32[w]!;
    if ((e | x) === 0) continue;
    // The group's four bars straight from the words just read, rather than from the byte arrays again.
    const t = w << 2;
    fillRun(out, run, t, target);
    target = ((e >>> B0) & 1) | (target & ~(x >>> B0));
    out[t] = target;
    target = ((e >>> B1) & 1) | (target & ~(x >>> B1));
    out[t + 1] = target;
    target = ((e >>> B2) & 1) | (target & ~(x >>> B2));
    out[t + 2] = target;
    target = ((e >>> B3) & 1) | (target & ~(x >>> B3));
    out[t + 3] = target;
    run = t + 4;
  }
  return run * 2 + target;
}

function longShort(
  longEntry: Uint8Array,
  longExit: Uint8Array,
  shortEntry: Uint8Array,
  shortExit: Uint8Array,
  out: Float64Array,
  carry: PositionCarry,
): void {
  const n = out.length;
  const words = wholeWords(n, longEntry, longExit, shortEntry, shortExit);
  const le32 = asWords(longEntry, words);
  const lx32 = asWords(longExit, words);
  const se32 = asWords(shortEntry, words);
  const sx32 = asWords(shortExit, words);
  let { target, bothEntries: both, firstBothEntries: first } = carry;
  let run = 0;
  for (let w = 0; w <= words; w++) {
    if (w < words && (le32[w]! | lx32[w]! | se32[w]! | sx32[w]!) === 0) continue;
    const from = w << 2;
    const to = w < words ? from + 4 : n;
    fillRun(out, run, from, target);
    for (let t = from; t < to; t++) {
      const le = longEntry[t]!;
      const s = shortEntry[t]!;
      if (le & s) {
        if (both++ === 0) first = carry.t + t;
      } else if (le) target = 1;
      else if (s) target = -1;
      else if (target === 1) {
        if (longExit[t]) target = 0;
      } else if (target === -1 && shortExit[t]) target = 0;
      out[t] = target;
    }
    run = to;
  }
  carry.target = target;
  carry.bothEntries = both;
  carry.firstBothEntries = first;
}

/** How many whole groups of four bars the conditions can be read as Uint32s (0 if one is not 4-byte aligned). */
function wholeWords(n: number, ...conditions: Uint8Array[]): number {
  for (const c of conditions) if (c.byteOffset % 4 !== 0) return 0;
  return n >> 2;
}

const NO_WORDS = new Uint32Array(0);

/** The shift that brings bar j of a group (byte j of its Uint32) to bit 0, on this machine's byte order. */
const [B0, B1, B2, B3] =
  new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? [0, 8, 16, 24] : [24, 16, 8, 0];

function asWords(c: Uint8Array, words: number): Uint32Array {
  return words === 0 ? NO_WORDS : new Uint32Array(c.buffer, c.byteOffset, words);
}

/**
 * out[from..to) = value. `fill` is a call, worth it for a long run; a short one is written four bars per
 * iteration, since V8 re-checks a typed array on every turn of a loop.
 */
function fillRun(out: Float64Array, from: number, to: number, value: number): void {
  if (to - from >= 64) {
    out.fill(value, from, to);
    return;
  }
  let t = from;
  for (; t + 4 <= to; t += 4) {
    out[t] = value;
    out[t + 1] = value;
    out[t + 2] = value;
    out[t + 3] = value;
  }
  for (; t < to; t++) out[t] = value;
}
