/**
 * @module strategies/registry
 * Every strategy by name. Adding one: write `name.ts` (zod params schema + rule) and `name.test.ts` (the rule on
 * a hand-made feature frame), add one line here and document it in docs/strategies.md; the shared contract test
 * then checks look-ahead, determinism and that every bar is written.
 */
import type { Registry } from "../core/registry.js";
import { bollingerReversion } from "./bollinger-reversion.js";
import { buyAndHold } from "./buy-and-hold.js";
import { donchianBreakout } from "./donchian-breakout.js";
import { emaCrossover } from "./ema-crossover.js";
import { rsiReversion } from "./rsi-reversion.js";
import { smaCrossover } from "./sma-crossover.js";
import type { StrategyDef } from "./types.js";

export const STRATEGIES: Registry<StrategyDef> = {
  sma_crossover: smaCrossover,
  ema_crossover: emaCrossover,
  rsi_reversion: rsiReversion,
  donchian_breakout: donchianBreakout,
  bollinger_reversion: bollingerReversion,
  buy_and_hold: buyAndHold,
} as Registry<StrategyDef>;
