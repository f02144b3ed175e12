/**
 * @module indicators/momentum/obv
 * On-Balance Volume, TA-Lib's OBV: the first value is the first bar's volume (not 0), then the bar's volume is
 * added when the close rose, subtracted when it fell, and nothing changes when it is unchanged. Lookback 0.
 */
import { z } from "zod";
import { type IndicatorDef, newColumn } from "../types.js";

const schema = z.strictObject({});

export const obv: IndicatorDef<typeof schema> = {
  name: "obv",
  summary: "On-Balance Volume; starts at the first bar's volume.",
  schema,
  outputs: ["obv"],
  lookback: () => 0,
  compute: ({ close, volume }, _params, alloc = newColumn) => {
    const n = close.length;
    const out = alloc(n);
    if (n === 0) return { obv: out };
    let value = volume[0]!;
    out[0] = value;
    for (let i = 1; i < n; i++) {
      const c = close[i]!;
      const p = close[i - 1]!;
      if (c > p) value += volume[i]!;
      else if (c < p) value -= volume[i]!;
      out[i] = value;
    }
    return { obv: out };
  },
};
