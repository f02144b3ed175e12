/**
 * @module risk/registry
 * Every sizing model by name. Adding one: write `name.ts` implementing RiskDef plus `name.test.ts` with
 * hand-computed quantities, then add one line here.
 */
import type { Registry } from "../core/registry.js";
import { fixedFraction } from "./fixed-fraction.js";
import { fixedQuantity } from "./fixed-quantity.js";
import type { RiskDef } from "./types.js";

export const RISK_MODELS: Registry<RiskDef> = {
  fixed_fraction: fixedFraction,
  fixed_quantity: fixedQuantity,
} as Registry<RiskDef>;
