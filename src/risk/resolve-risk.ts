/**
 * @module risk/resolve-risk
 * Turns a config's `risk: {name, params}` into the catalog's sizing model and its parsed params, so the engine receives a
 * ready-to-call model and never looks names up itself. Unknown names and bad params are CONFIG_INVALID with the
 * offending path and value (and the list of valid names).
 */
import type { Catalog } from "../core/catalog/catalog.js";
import { lookup, parseParams } from "../core/catalog/registry.js";
import type { RiskDef } from "./types.js";

export interface ResolvedRisk {
  readonly def: RiskDef;
  /** Output of `def.schema`: defaults filled in. */
  readonly params: unknown;
}

/** `path` is where the ref sits in the config, e.g. `"risk"`; errors point at `risk.name` / `risk.params.*`. */
export function resolveRisk(
  ref: { readonly name: string; readonly params?: unknown },
  catalog: Catalog,
  path: string,
): ResolvedRisk {
  const def = lookup(catalog.risk, "risk model", ref.name, `${path}.name`);
  return { def, params: parseParams(def.schema, ref.params, `${path}.params`) };
}
