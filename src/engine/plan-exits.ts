/**
 * @module engine/plan-exits
 * The exits part of a plan: the config's `exits` block, and one `atr` indicator per ATR period its `{atr, mult}`
 * distances name, so the feature layer computes (and caches) them beside the strategy's indicators and the
 * simulation reads them shifted, like every feature. `exitOptions` then hands `simulate` the exits and their ATR
 * columns out of a run's features.
 */
import type { Catalog } from "../core/catalog/catalog.js";
import type { RunConfig } from "../core/run-config.js";
import type { FeatureFrame } from "../indicators/features/feature-set.js";
import { type ResolvedIndicator, resolveIndicator } from "../indicators/features/resolve-indicator.js";
import { type AtrColumns, exitAtrPeriods, type ResolvedExits } from "./simulation/exit-model.js";

export interface PlannedExits {
  readonly exits: ResolvedExits;
  /** One ATR indicator per period the distances use, with its feature column's name. */
  readonly atr: readonly {
    readonly period: number;
    readonly indicator: ResolvedIndicator;
    readonly column: string;
  }[];
}

/** undefined when the config has no `exits` block. */
export function planExits(config: RunConfig, catalog: Catalog): PlannedExits | undefined {
  const exits = config.exits;
  if (exits === undefined) return undefined;
  const atr = exitAtrPeriods(exits).map((period) => {
    const indicator = resolveIndicator({ name: "atr", params: { period } }, catalog, "exits");
    return { period, indicator, column: indicator.columns[0]!.name };
  });
  return { exits, atr };
}

/** The indicators the exits need computed. */
export function exitIndicators(planned: PlannedExits | undefined): ResolvedIndicator[] {
  return planned === undefined ? [] : planned.atr.map((a) => a.indicator);
}

/** `simulate`'s `exits` and `atr` options from a run's features; empty without exits. */
export function exitOptions(
  planned: PlannedExits | undefined,
  frame: FeatureFrame,
): { exits?: ResolvedExits; atr?: AtrColumns } {
  if (planned === undefined) return {};
  const atr: AtrColumns = new Map(planned.atr.map((a) => [a.period, frame.column(a.column)]));
  return { exits: planned.exits, atr };
}
