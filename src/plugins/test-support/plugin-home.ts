/**
 * @module plugins/test-support/plugin-home
 * A temporary studio home with plugin files written from source text, and a few sources shared by the loader,
 * CLI and HTTP tests: a clean SMA-crossover strategy module, a trailing-mean indicator module, and a leaky
 * (centered) indicator module.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { tempHome } from "../../data/test-support/temp-home.js";
import type { HomePaths } from "../../store/home.js";

export function writePlugin(home: HomePaths, file: string, source: string): string {
  const target = path.join(home.root, ...file.split("/"));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, source);
  return target;
}

/** A fresh home with `files` (`"strategies/x.ts": source`). */
export function pluginHome(files: Record<string, string> = {}): HomePaths {
  const home = tempHome();
  for (const [file, source] of Object.entries(files)) writePlugin(home, file, source);
  return home;
}

/** A crossover of two trailing means of the `mean` indicator below; `fast`/`slow` are its params. */
export const CROSS_STRATEGY = `import { defineStrategy, z } from "backtest-studio";

export default defineStrategy({
  name: "my_cross",
  summary: "Long while the fast trailing mean is above the slow one.",
  schema: z.strictObject({
    fast: z.int().min(1).default(5).describe("Fast period."),
    slow: z.int().min(2).default(20).describe("Slow period."),
  }),
  inputs: ({ fast, slow }) => ({
    fast: { name: "mean", params: { period: fast } },
    slow: { name: "mean", params: { period: slow } },
  }),
  signal: ({ fast, slow }, _params, out) => {
    for (let t = 0; t < out.length; t++) out[t] = fast[t] > slow[t] ? 1 : 0;
  },
});
`;

/** Trailing mean of the close; \`OFFSET\` is replaced to make an edited version. */
export const MEAN_INDICATOR = `import { defineIndicator, z } from "backtest-studio";

const OFFSET = 0;

export default defineIndicator({
  name: "mean",
  summary: "Trailing mean of the close.",
  schema: z.strictObject({ period: z.int().min(1).default(10).describe("Bars averaged.") }),
  outputs: ["value"],
  lookback: ({ period }) => period - 1,
  compute: (candles, { period }) => {
    const close = candles.close;
    const value = new Float64Array(close.length).fill(Number.NaN);
    let sum = 0;
    for (let t = 0; t < close.length; t++) {
      sum += close[t];
      if (t >= period) sum -= close[t - period];
      if (t >= period - 1) value[t] = sum / period + OFFSET;
    }
    return { value };
  },
});
`;

/** The same mean, centered: it reads \`period/2\` bars ahead. */
export const CENTERED_INDICATOR = `import { defineIndicator, z } from "backtest-studio";

export default defineIndicator({
  name: "centered",
  summary: "Centered mean of the close (reads the future).",
  schema: z.strictObject({ period: z.int().min(1).default(6).describe("Bars averaged.") }),
  outputs: ["value"],
  lookback: ({ period }) => Math.floor(period / 2),
  compute: (candles, { period }) => {
    const close = candles.close;
    const h = Math.floor(period / 2);
    const value = new Float64Array(close.length).fill(Number.NaN);
    for (let t = h; t < close.length; t++) {
      let sum = 0;
      let count = 0;
      for (let j = t - h; j <= Math.min(close.length - 1, t + h); j++) {
        sum += close[j];
        count++;
      }
      value[t] = sum / count;
    }
    return { value };
  },
});
`;
