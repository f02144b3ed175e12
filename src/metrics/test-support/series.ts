/**
 * @module metrics/test-support/series
 * Small builders for metric tests: typed arrays from literals and daily timestamps, so each test states its
 * numbers and nothing else.
 */
import { MS_PER_DAY } from "../../core/timeframe.js";

/** 2024-01-01T00:00:00Z, a realistic origin for test timestamps. */
export const T0 = Date.UTC(2024, 0, 1);

export function f64(...values: number[]): Float64Array {
  return Float64Array.from(values);
}

/** `n` bar open times one day apart, from T0. */
export function dailyTs(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => T0 + i * MS_PER_DAY);
}
