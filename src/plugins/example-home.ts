/**
 * @module plugins/example-home
 * What `studio init` writes: a working studio home with a sample CSV (`data/SAMPLE.csv`, three years of daily
 * bars from the synthetic market, so it is the same on every machine and needs no download), an example
 * indicator and strategy module, and a config that runs them. Existing files are never overwritten; they are
 * reported as kept.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { generateSynthetic } from "../data/providers/synthetic/synthetic-generator.js";
import { writeFileAtomic } from "../store/atomic-write.js";

export const EXAMPLE_INDICATOR = `// An indicator: where the close sits in the high-low range of the last \`period\` bars (0 at the low, 1 at
// the high). \`compute\` returns raw values over the whole series; the studio shifts them by one bar before any
// strategy sees them. Its name (not the file's) is how strategies and rules call it: range_position(14).
// Check it with: studio plugins check range_position
import { defineIndicator, z } from "backtest-studio";

export default defineIndicator({
  name: "range_position",
  summary: "Position of the close in its trailing high-low range, 0..1.",
  schema: z.strictObject({
    period: z.int().min(1).max(10_000).default(14).describe("Bars in the range."),
  }),
  outputs: ["position"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }) => {
    const { high, low, close } = candles;
    const position = new Float64Array(close.length).fill(Number.NaN);
    for (let t = period - 1; t < close.length; t++) {
      let lo = Number.POSITIVE_INFINITY;
      let hi = Number.NEGATIVE_INFINITY;
      for (let j = t - period + 1; j <= t; j++) {
        lo = Math.min(lo, low[j]);
        hi = Math.max(hi, high[j]);
      }
      position[t] = hi > lo ? (close[t] - lo) / (hi - lo) : 0.5;
    }
    return { position };
  },
});
`;

export const EXAMPLE_STRATEGY = `// A strategy: buy when the close is near the bottom of its recent range, sell near the top. It reads the
// indicator of indicators/example.ts by its name, range_position; every input arrives shifted (the value at bar t was known at the
// open of t), so it cannot see the future. Check it with: studio plugins check example
import { defineStrategy, z } from "backtest-studio";

export default defineStrategy({
  name: "example",
  summary: "Long below \`lower\` in the trailing range, flat again above \`upper\`.",
  schema: z.strictObject({
    period: z.int().min(2).max(10_000).default(14).describe("Bars in the range."),
    lower: z.number().min(0).max(1).default(0.2).describe("Buy below this position in the range."),
    upper: z.number().min(0).max(1).default(0.8).describe("Sell above this position in the range."),
  }),
  inputs: ({ period }) => ({ position: { name: "range_position", params: { period } } }),
  signal: ({ position }, { lower, upper }, out) => {
    let target = 0;
    for (let t = 0; t < out.length; t++) {
      if (position[t] < lower) target = 1;
      else if (position[t] > upper) target = 0;
      out[t] = target;
    }
  },
});
`;

export const EXAMPLE_CONFIG = `{
  "symbol": "SAMPLE",
  "timeframe": "1d",
  "start": "2021-01-01",
  "end": "2023-12-31",
  "provider": "csv",
  "strategy": { "name": "example", "params": { "period": 14, "lower": 0.2, "upper": 0.8 } },
  "execution": { "commission_bps": 1, "slippage_bps": 2 },
  "validation": {
    "permutation": { "n": 100 },
    "wfo": { "windows": 3, "grid": { "period": [10, 14, 20], "lower": [0.1, 0.2] } }
  },
  "seed": 1
}
`;

/** Daily bars of the synthetic market SAMPLE for 2021-2023, as CSV with two decimals. */
export function sampleCsv(): string {
  const c = generateSynthetic({
    symbol: "SAMPLE",
    timeframe: "1d",
    start: Date.UTC(2021, 0, 1),
    end: Date.UTC(2023, 11, 31),
  });
  const lines = ["date,open,high,low,close,volume"];
  const p = (v: number) => v.toFixed(2);
  for (let i = 0; i < c.ts.length; i++) {
    const date = new Date(c.ts[i]!).toISOString().slice(0, 10);
    lines.push(
      `${date},${p(c.open[i]!)},${p(c.high[i]!)},${p(c.low[i]!)},${p(c.close[i]!)},${Math.round(c.volume[i]!)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

export const EXAMPLE_FILES: readonly { readonly file: string; readonly content: () => string }[] = [
  { file: "data/SAMPLE.csv", content: sampleCsv },
  { file: "indicators/example.ts", content: () => EXAMPLE_INDICATOR },
  { file: "strategies/example.ts", content: () => EXAMPLE_STRATEGY },
  { file: "example.json", content: () => EXAMPLE_CONFIG },
];

/** Writes the example home into `root`; returns the files written and the ones that already existed. */
export function writeExampleHome(root: string): { written: string[]; kept: string[] } {
  const written: string[] = [];
  const kept: string[] = [];
  for (const { file, content } of EXAMPLE_FILES) {
    const target = path.join(root, ...file.split("/"));
    if (existsSync(target)) {
      kept.push(file);
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, content());
    written.push(file);
  }
  return { written, kept };
}
