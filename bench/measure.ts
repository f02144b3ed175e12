/**
 * @module bench/measure
 * Timing helpers for the benchmark: warm up, then time several repetitions and keep the median (robust to the
 * odd GC pause or noisy neighbour) alongside min and max.
 */
export interface Measurement {
  name: string;
  unit: "ms" | "MB";
  median: number;
  min: number;
  max: number;
  runs: number;
  budget: number | null;
  pass: boolean | null;
  notes?: string;
}

export async function measure(
  name: string,
  fn: () => unknown | Promise<unknown>,
  options: { runs?: number; warmup?: number; budget?: number; notes?: string } = {},
): Promise<Measurement> {
  const { runs = 7, warmup = 2, budget } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(name, times, budget, options.notes);
}

export function summarize(name: string, times: number[], budget?: number, notes?: string): Measurement {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    unit: "ms",
    median: round(median),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
    runs: times.length,
    budget: budget ?? null,
    pass: budget === undefined ? null : median <= budget,
    ...(notes ? { notes } : {}),
  };
}
