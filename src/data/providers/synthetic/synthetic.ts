/**
 * @module data/providers/synthetic/synthetic
 * The `synthetic` provider, the studio's embedded default: no files, no network, any symbol and timeframe.
 * The data is a pure function of (symbol, timeframe, start, end) and the generator version, which is also its
 * source version, so a generator change invalidates cached synthetic candles.
 */
import { z } from "zod";
import { throwIfCancelled } from "../../cancel.js";
import type { CandleProvider, ProviderDef } from "../../provider.js";
import { generateSynthetic, SYNTHETIC_VERSION } from "./synthetic-generator.js";

export function createSyntheticProvider(): CandleProvider {
  return {
    name: "synthetic",
    sourceVersion: async () => SYNTHETIC_VERSION,
    async fetch(request, ctx) {
      throwIfCancelled(ctx.signal);
      const candles = generateSynthetic(request);
      ctx.onProgress?.({ bars: candles.ts.length, ratio: 1 });
      return { candles, rawSourceVersion: SYNTHETIC_VERSION, report: {} };
    },
  };
}

const schema = z.strictObject({});

export const synthetic: ProviderDef<typeof schema> = {
  name: "synthetic",
  summary:
    "Deterministic synthetic market per symbol: volatility regimes, GARCH clustering, fat tails, intraday volume.",
  schema,
  create: () => createSyntheticProvider(),
};
