/**
 * @module bench/case
 * What one benchmark case is, and what every case gets to run with. A case lives in its own file under
 * bench/cases/ and is listed once in bench/cases/index.ts; `npm run bench -- NAME` runs it alone (next to the
 * floor it is measured against).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Measurement } from "./measure.js";

export interface BenchContext {
  /** The package root (the working directory of `npm run bench`). */
  readonly root: string;
  /** Imports a compiled module from dist/ (e.g. "engine/run-backtest.js"): the code users run. */
  dist<T>(module: string): Promise<T>;
  /** Records a measurement; the runner adds the floor multiple and the verdict. */
  record(m: Measurement): void;
  /** Writes a line of commentary to stderr (stdout carries only the JSON report). */
  note(line: string): void;
}

export interface BenchCase {
  /** snake_case; also the filter name on the command line. */
  readonly name: string;
  /** One line for `--list`. */
  readonly summary: string;
  /** Skipped by `--skip-large` (cases that need gigabytes or minutes). */
  readonly large?: boolean;
  run(ctx: BenchContext): Promise<void>;
}

export function createContext(root: string, record: (m: Measurement) => void): BenchContext {
  return {
    root,
    dist: async <T>(module: string) =>
      (await import(pathToFileURL(path.join(root, "dist", module)).href)) as T,
    record,
    note: (line) => process.stderr.write(`${line}\n`),
  };
}

export const MINUTE = 60_000;
export const BENCH_START = Date.UTC(2020, 0, 1);

/** A synthetic candle request of `bars` one-minute bars from 2020-01-01. */
export function minuteRequest(bars: number) {
  return {
    symbol: "BENCH",
    timeframe: "1m" as const,
    start: BENCH_START,
    end: BENCH_START + (bars - 1) * MINUTE,
  };
}

/** The bench's reference strategy (the one backtesting.py is compared on): SMA 10/50 crossover, long and short. */
export const SMA_10_50 = { name: "sma_crossover", params: { fast: 10, slow: 50 } };

/** Writes the `studio run` config both 1M-bar process cases use (SMA 10/50 on a million synthetic 1m bars) into
 * `home`; returns its path. */
export function writeStudioRun1mConfig(home: string): string {
  const cfg = path.join(home, "bench.json");
  const { start, end, ...rest } = minuteRequest(1_000_000);
  writeFileSync(
    cfg,
    JSON.stringify({
      ...rest,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      provider: "synthetic",
      strategy: SMA_10_50,
    }),
  );
  return cfg;
}
