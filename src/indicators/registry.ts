/**
 * @module indicators/registry
 * Every built-in indicator. Adding one: write `name.ts` + `name.test.ts` (values checked against numbers computed
 * independently), add it to the list here and its extra params to the contract test's table; the shared
 * contract test then checks warm-up, look-ahead and determinism. Runs read indicators from their Catalog
 * (`builtinCatalog()` starts from this list), never from this module.
 */
import { type Registry, registryOf } from "../core/catalog/registry.js";
import { obv } from "./momentum/obv.js";
import { roc } from "./momentum/roc.js";
import { rsi } from "./momentum/rsi.js";
import { price } from "./price.js";
import { ema } from "./trend/ema.js";
import { macd } from "./trend/macd.js";
import { sma } from "./trend/sma.js";
import { wma } from "./trend/wma.js";
import type { IndicatorDef } from "./types.js";
import { atr } from "./volatility/atr.js";
import { bollinger } from "./volatility/bollinger.js";
import { donchian } from "./volatility/donchian.js";
import { stddev } from "./volatility/stddev.js";
import { zscore } from "./volatility/zscore.js";

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
