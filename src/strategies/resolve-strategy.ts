/**
 * @module strategies/resolve-strategy
 * A strategy reference from a config, checked: the catalog entry, its origin and its params parsed by the
 * strategy's schema (defaults filled). An unknown name is CONFIG_INVALID listing the valid ones; a bad param is
 * CONFIG_INVALID under `{path}.params.{key}`.
 */
import { type Catalog, type Origin, originOf } from "../core/catalog/catalog.js";
import { lookup, parseParams } from "../core/catalog/registry.js";
import type { StrategyDef } from "./types.js";

export interface StrategyRef {
  readonly name: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface ResolvedStrategy {
  readonly def: StrategyDef;
  readonly origin: Origin;
  readonly params: Record<string, unknown>;
}

export function resolveStrategy(ref: StrategyRef, catalog: Catalog, path: string): ResolvedStrategy {
  const def = lookup(catalog.strategies, "strategy", ref.name, `${path}.name`);
  const params = parseParams(def.schema, ref.params, `${path}.params`) as Record<string, unknown>;
  return { def, origin: originOf(catalog, "strategies", def.name), params };
}
