/**
 * @module strategies/registry
 * Every built-in strategy. Adding one: write `name.ts` (zod params schema, named inputs, rule) and `name.test.ts`
 * (the rule on hand-made inputs), add it to the list here and document it in docs/strategies.md; the shared
 * contract test then checks look-ahead, determinism and that every bar is written. Runs read strategies from
 * their Catalog (`builtinCatalog()` starts from this list), never from this module.
 */
import { type Registry, registryOf } from "../core/catalog/registry.js";
import { bollingerReversion } from "./bollinger-reversion.js";
import { buyAndHold } from "./buy-and-hold.js";
import { donchianBreakout } from "./donchian-breakout.js";
import { emaCrossover } from "./ema-crossover.js";
import { rsiReversion } from "./rsi-reversion.js";
import { rules } from "./rules/rules.js";
import { smaCrossover } from "./sma-crossover.js";
import type { StrategyDef } from "./types.js";

export const BUILTIN_STRATEGIES: readonly StrategyDef[] = [
  smaCrossover,
  emaCrossover,
  rsiReversion,
  donchianBreakout,
  bollingerReversion,
  buyAndHold,
  rules,
];

/** The built-in strategies by name (for the library; runs use their catalog). */
export const STRATEGIES: Registry<StrategyDef> = registryOf(BUILTIN_STRATEGIES);
