/**
 * @module indicators/registry
 * Every built-in indicator. Adding one: write `name.ts` + `name.test.ts` (values checked against numbers computed
 * independently), add it to the list here and its extra params to the contract test's table; the shared
 * contract test then checks warm-up, look-ahead and determinism. Runs read indicators from their Catalog
 * (`builtinCatalog()` starts from this list), never from this module.
 */
import { type Registry, registryOf } from "../core/registry.js";
import { atr } from "./atr.js";
import { bollinger } from "./bollinger.js";
import { donchian } from "./donchian.js";
import { ema } from "./ema.js";
import { macd } from "./macd.js";
import { obv } from "./obv.js";
import { price } from "./price.js";
import { roc } from "./roc.js";
import { rsi } from "./rsi.js";
import { sma } from "./sma.js";
import { stddev } from "./stddev.js";
import type { IndicatorDef } from "./types.js";
import { wma } from "./wma.js";
import { zscore } from "./zscore.js";

export const BUILTIN_INDICATORS: readonly IndicatorDef[] = [
  sma,
  ema,
  wma,
  rsi,
  macd,
  bollinger,
  atr,
  stddev,
  roc,
  donchian,
  obv,
  zscore,
  price,
];

/** The built-in indicators by name (for the library; runs use their catalog). */
export const INDICATORS: Registry<IndicatorDef> = registryOf(BUILTIN_INDICATORS);
