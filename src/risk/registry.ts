/**
 * @module risk/registry
 * Every built-in sizing model. Adding one: write `name.ts` implementing RiskDef plus `name.test.ts` with
 * hand-computed quantities, then add it to the list here. Runs read sizing models from their Catalog.
 */
import { type Registry, registryOf } from "../core/catalog/registry.js";
import { fixedFraction } from "./fixed-fraction.js";
import { fixedQuantity } from "./fixed-quantity.js";
import type { RiskDef } from "./types.js";

export const BUILTIN_RISK_MODELS: readonly RiskDef[] = [fixedFraction, fixedQuantity];

/** The built-in sizing models by name (for the library; runs use their catalog). */
export const RISK_MODELS: Registry<RiskDef> = registryOf(BUILTIN_RISK_MODELS);
