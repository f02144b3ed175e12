/**
 * @module indicators/registry
 * Every indicator by name. Adding one: write `name.ts` + `name.test.ts` (values checked against numbers computed
 * independently), add one line here; the shared contract test picks it up.
 */
import type { Registry } from "../core/registry.js";
import { sma } from "./sma.js";
import type { IndicatorDef } from "./types.js";

export const INDICATORS: Registry<IndicatorDef> = {
  sma,
} as Registry<IndicatorDef>;
