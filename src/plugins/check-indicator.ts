/**
 * @module plugins/check-indicator
 * The properties every indicator keeps, built-in or user-written, checked on sample candles for one param set:
 * it returns exactly its declared outputs at full length; the first `lookback(params)` bars are NaN and every
 * later one finite; no raw value at or before bar k moves when any candle after k changes (a regenerated tail
 * and a scaled one, for many k), nor when the series simply ends at k; two computations agree to the bit;
 * every element of the output columns is written; series no longer than the warm-up give all NaN without
 * throwing. Pure: the indicator and the candles in, a list of results out.
 */
import { type Candles, sliceCandles } from "../core/candles.js";
import type { IndicatorDef } from "../indicators/types.js";
import {
  type CheckFailure,
  type CheckResult,
  checkpoints,
  firstDifference,
  type Leak,
  lookAheadFailure,
  num,
  rerunFailure,
} from "./check-report.js";
import { changedFutures } from "./sample-candles.js";

export interface SampleData {
  readonly label: string;
  readonly candles: Candles;
}

type Outputs = Record<string, Float64Array>;

/** A value that no indicator computes, written into columns before `compute` to catch unwritten elements. */
const GARBAGE = -7.77e300;

export function checkIndicatorProperties(
  def: IndicatorDef,
  params: unknown,
  samples: readonly SampleData[],
): CheckResult[] {
  const lookback = def.lookback(params);
  const fulls = new Map<SampleData, Outputs>();
  const results: CheckResult[] = [];
  const add = (check: CheckResult["check"], description: string, run: () => CheckFailure | undefined) => {
    let failure: CheckFailure | undefined;
    try {
      failure = run();
    } catch (err) {
      failure = { check, message: `${check}: compute threw: ${err instanceof Error ? err.message : err}` };
    }
    results.push({ check, description, ...(failure ? { failure } : {}) });
  };

  add("runs", "computes on every sample without throwing", () => {
    for (const s of samples) fulls.set(s, def.compute(s.candles, params));
    return undefined;
  });
  if (fulls.size < samples.length) return results;

  add("outputs", "returns exactly the declared outputs, each as long as the candles", () => {
    for (const s of samples) {
      const got = Object.keys(fulls.get(s)!);
      if (got.join(",") !== def.outputs.join(",")) {
        return {
          check: "outputs",
          data: s.label,
          message: `outputs: declared [${def.outputs}] but compute returned [${got}]`,
        };
      }
      for (const out of def.outputs) {
        const len = fulls.get(s)![out]!.length;
        if (len !== s.candles.ts.length) {
          return {
            check: "outputs",
            series: out,
            data: s.label,
            message: `outputs: ${out} has ${len} values for ${s.candles.ts.length} candles`,
          };
        }
      }
    }
    return undefined;
  });
  if (results.at(-1)?.failure) return results;

  add("warm_up", `is NaN for exactly the first lookback(params) = ${lookback} bars and finite after`, () => {
    for (const s of samples) {
      for (const out of def.outputs) {
        const values = fulls.get(s)![out]!;
        for (let t = 0; t < values.length; t++) {
          const warm = t < lookback;
          if (warm !== Number.isNaN(values[t]!) || (!warm && !Number.isFinite(values[t]!))) {
            const why = warm
              ? `is ${num(values[t])} inside the declared warm-up (lookback ${lookback})`
              : `is ${values[t]} after the declared warm-up (lookback ${lookback})`;
            return {
              check: "warm_up",
              series: out,
              bar: t,
              data: s.label,
              message: `warm-up: ${out}[${t}] ${why}`,
            };
          }
        }
      }
    }
    return undefined;
  });

  add("look_ahead", "leaves every value at or before bar k unchanged when the candles after k change", () => {
    for (const s of samples) {
      const n = s.candles.ts.length;
      for (const k of checkpoints(n, lookback)) {
        for (const future of changedFutures(s.candles, k, 1000 + k)) {
          const leak = firstLeak(fulls.get(s)!, def.compute(future.candles, params), k, def.outputs);
          if (leak) return lookAheadFailure(leak, k, `${s.label}, ${future.how}`);
        }
      }
    }
    return undefined;
  });

  add("prefix", "gives the same values on candles 0..k as on the whole series, up to bar k", () => {
    for (const s of samples) {
      for (const k of checkpoints(s.candles.ts.length, lookback)) {
        const prefix = def.compute(sliceCandles(s.candles, 0, k + 1), params);
        const leak = firstLeak(fulls.get(s)!, prefix, k, def.outputs);
        if (leak) {
          return {
            ...lookAheadFailure(leak, k, `${s.label}, series cut after bar ${k}`),
            check: "prefix",
            message: `prefix: ${leak.series}[${leak.bar}] is ${num(leak.after)} on candles 0..${k} but ${num(leak.before)} on the whole series: it reads bars after ${k}`,
          };
        }
      }
    }
    return undefined;
  });

  add("deterministic", "computes bit-identical values twice", () => {
    for (const s of samples) {
      const again = def.compute(s.candles, params);
      const diff = firstLeak(fulls.get(s)!, again, s.candles.ts.length - 1, def.outputs);
      if (diff) return rerunFailure(diff, s.label);
    }
    return undefined;
  });

  add("writes_every_bar", "writes every element of its output columns", () => {
    for (const s of samples) {
      const garbage = (length: number) => new Float64Array(length).fill(GARBAGE);
      const filled = def.compute(s.candles, params, garbage);
      const diff = firstLeak(fulls.get(s)!, filled, s.candles.ts.length - 1, def.outputs);
      if (diff) {
        return {
          check: "writes_every_bar",
          series: diff.series,
          bar: diff.bar,
          data: s.label,
          message: `writes every bar: ${diff.series}[${diff.bar}] kept ${num(diff.after)} from the allocator instead of being written`,
        };
      }
    }
    return undefined;
  });

  add("short_series", "returns all NaN, without throwing, on series no longer than the warm-up", () => {
    const s = samples[0]!;
    for (const n of new Set([0, 1, Math.min(lookback, s.candles.ts.length)])) {
      if (n > lookback) continue;
      const short = def.compute(sliceCandles(s.candles, 0, n), params);
      for (const out of def.outputs) {
        const values = short[out];
        const bad = values ? values.findIndex((v) => !Number.isNaN(v)) : -2;
        if (values?.length !== n || bad >= 0) {
          return {
            check: "short_series",
            series: out,
            message: `short series: on ${n} bars ${out} ${values ? `has ${values.length} values, ${bad >= 0 ? `[${bad}] = ${num(values[bad])}` : "all NaN"}` : "is missing"}; expected ${n} NaN`,
          };
        }
      }
    }
    return undefined;
  });
  return results;
}

function firstLeak(
  base: Outputs,
  other: Outputs,
  upTo: number,
  outputs: readonly string[],
): Leak | undefined {
  let first: Leak | undefined;
  for (const series of outputs) {
    const a = base[series]!;
    const b = other[series] ?? new Float64Array(0);
    const bar = firstDifference(a, b, upTo);
    if (bar >= 0 && (first === undefined || bar < first.bar)) {
      first = { series, bar, before: a[bar]!, after: b[bar] ?? Number.NaN };
    }
  }
  return first;
}
