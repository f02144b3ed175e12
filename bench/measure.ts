/**
 * @module bench/measure
 * Timing helpers for the benchmark: warm up, then time several repetitions and keep the median (robust to the
 * odd GC pause or noisy neighbour) alongside min and max. A time budget is a multiple of the memory-pass floor
 * measured in the same run (see bench/cases/memory-pass-floor.ts), so it holds on a slow machine as well as on a
 * fast one. `measure` times a floor block right before each repetition (when the runner has set a probe with
 * `pairWithFloor`) and takes the median of the per-repetition ratios, so a machine whose load changes during the
 * run moves each repetition and its unit together; other measurements are judged by `judge` against the floor
 * measured around their case.
 */
export interface Measurement {
  name: string;
  unit: "ms" | "MB";
  /** Absolute figures, in `unit`. */
  median: number;
  min: number;
  max: number;
  runs: number;
  /** median / the floor's median, for time cases; null for memory. */
  floor_multiple: number | null;
  /** The floor (ms per pass) this was judged against: the median of the blocks paired with its repetitions, or
   * the mean of the floors measured around its case. */
  floor_ms: number | null;
  /** The budget in `budget_unit`: a multiple of the floor for time cases, MB for memory; null when none. */
  budget: number | null;
  budget_unit: "x_floor" | "MB" | null;
  pass: boolean | null;
  notes?: string;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  /** Budget as a multiple of the memory-pass floor's median. */
  budgetX?: number;
  notes?: string;
}

let floorProbe: (() => number) | undefined;

/** Sets the probe `measure` runs before each repetition: one floor block, returning ms per pass. */
export function pairWithFloor(probe: (() => number) | undefined): void {
  floorProbe = probe;
}

export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<Measurement> {
  const { runs = 7, warmup = 2 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (floorProbe) floors.push(floorProbe());
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const m = summarize(name, times, options);
  if (floors.length === 0) return m;
  const multiple = median(times.map((t, i) => t / floors[i]!));
  return {
    ...m,
    floor_multiple: Math.round(multiple * 10) / 10,
    floor_ms: Math.round(median(floors) * 100) / 100,
    pass: m.budget === null ? null : multiple <= m.budget,
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A time measurement from raw samples; the floor multiple and verdict are filled in by `judge`. */
export function summarize(
  name: string,
  times: readonly number[],
  options: Pick<MeasureOptions, "budgetX" | "notes"> = {},
): Measurement {
  return {
    name,
    unit: "ms",
    median: round(median(times)),
    min: round(Math.min(...times)),
    max: round(Math.max(...times)),
    runs: times.length,
    floor_multiple: null,
    floor_ms: null,
    budget: options.budgetX ?? null,
    budget_unit: options.budgetX === undefined ? null : "x_floor",
    pass: null,
    ...(options.notes ? { notes: options.notes } : {}),
  };
}

/** A memory measurement with an absolute budget in MB (memory does not depend on the machine's speed). */
export function memory(name: string, mb: number, budgetMb: number, notes: string): Measurement {
  return {
    name,
    unit: "MB",
    median: mb,
    min: mb,
    max: mb,
    runs: 1,
    floor_multiple: null,
    floor_ms: null,
    budget: budgetMb,
    budget_unit: "MB",
    pass: mb <= budgetMb,
    notes,
  };
}

/** Sets a time measurement's floor multiple and verdict against `floorMs`, unless `measure` paired it already. */
export function judge(m: Measurement, floorMs: number): Measurement {
  if (m.unit !== "ms" || m.floor_multiple !== null) return m;
  const multiple = Math.round((m.median / floorMs) * 10) / 10;
  return {
    ...m,
    floor_multiple: multiple,
    floor_ms: Math.round(floorMs * 100) / 100,
    pass: m.budget === null ? null : m.median <= m.budget * floorMs,
  };
}
