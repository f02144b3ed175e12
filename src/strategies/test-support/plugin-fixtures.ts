/**
 * @module strategies/test-support/plugin-fixtures
 * Small user plugins that break the contract on purpose, one way each, to test how the planner and `runPlan`
 * report them: inputs naming what does not exist, a strategy that throws, writes NaN or Infinity, or leaves a bar
 * unwritten, and indicators that throw, return the wrong length or omit an output.
 */
import { z } from "zod";
import { defineIndicator } from "../../indicators/types.js";
import { defineStrategy, type InputRef } from "../types.js";

const noParams = z.strictObject({});

/** A strategy reading exactly `refs`, targeting +1 everywhere. */
export function readingStrategy(name: string, refs: Record<string, InputRef>) {
  return defineStrategy({
    name,
    summary: "Reads the given inputs.",
    schema: noParams,
    inputs: () => refs,
    signal: (_inputs, _p, out) => {
      out.fill(1);
    },
  });
}

/** A strategy whose signal writes `write(t)` at every bar t (or throws `message` when given). */
export function writingStrategy(name: string, write: (t: number) => number, message?: string) {
  return defineStrategy({
    name,
    summary: "Writes the given targets.",
    schema: noParams,
    inputs: () => ({ close: { name: "price", params: {} } }),
    signal: (_inputs, _p, out) => {
      if (message !== undefined) throw new Error(message);
      for (let t = 0; t < out.length; t++) out[t] = write(t);
    },
  });
}

/** A strategy whose signal writes every bar but `skip` (which it leaves as it found it). */
export function skippingStrategy(name: string, skip: number) {
  return defineStrategy({
    name,
    summary: "Leaves one bar unwritten.",
    schema: noParams,
    inputs: () => ({}),
    signal: (_inputs, _p, out) => {
      for (let t = 0; t < out.length; t++) if (t !== skip) out[t] = 1;
    },
  });
}

/** An indicator whose compute returns `result(n)` for a series of n bars. */
export function brokenIndicator(name: string, result: (n: number) => Record<string, Float64Array>) {
  return defineIndicator({
    name,
    summary: "Returns what it is told to.",
    schema: noParams,
    outputs: ["value"],
    lookback: () => 0,
    compute: (candles) => result(candles.ts.length),
  });
}
