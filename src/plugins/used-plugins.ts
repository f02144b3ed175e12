/**
 * @module plugins/used-plugins
 * The user plugins a run uses: its strategy, the indicators its inputs name (for the base params and for every
 * walk-forward trial, whose params can name other indicators) and the config's extra indicators, each with the
 * params it is used with. Their versions enter the run's config_hash, their first use is look-ahead checked, and
 * their code is copied into the run folder. Built-ins are not listed.
 */
import type { Catalog, Origin } from "../core/catalog/catalog.js";
import type { PluginVersions } from "../core/hashes.js";
import type { RunConfig } from "../core/run-config.js";
import { type BacktestPlan, planBacktest } from "../engine/plan-backtest.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { gridTrials } from "../validation/walk-forward/param-grid.js";

export interface UsedPlugin {
  readonly family: "strategies" | "indicators";
  readonly name: string;
  readonly def: StrategyDef | IndicatorDef;
  readonly origin: Exclude<Origin, "builtin">;
  /** Parsed params it is used with (distinct sets). */
  readonly params: readonly Record<string, unknown>[];
}

/** The plans of the base params and of each walk-forward trial the strategy accepts. */
function plansOf(config: RunConfig, catalog: Catalog): BacktestPlan[] {
  const base = planBacktest(config, catalog);
  const grid = config.validation.wfo?.grid ?? {};
  if (Object.keys(grid).length === 0) return [base];
  const plans = [base];
  for (const trial of gridTrials(grid, config.strategy.params)) {
    try {
      plans.push(planBacktest(config, catalog, trial.params));
    } catch {
      // A combination the strategy rejects is skipped by the walk-forward stage too.
    }
  }
  return plans;
}

export function usedPlugins(config: RunConfig, catalog: Catalog): UsedPlugin[] {
  const found = new Map<string, { plugin: UsedPlugin; keys: Set<string> }>();
  const add = (
    family: UsedPlugin["family"],
    def: StrategyDef | IndicatorDef,
    origin: Origin,
    params: Record<string, unknown>,
  ) => {
    if (origin === "builtin") return;
    const id = `${family}:${def.name}`;
    const entry = found.get(id) ?? {
      plugin: { family, name: def.name, def, origin, params: [] },
      keys: new Set<string>(),
    };
    found.set(id, entry);
    const key = JSON.stringify(params);
    if (!entry.keys.has(key)) {
      entry.keys.add(key);
      (entry.plugin.params as Record<string, unknown>[]).push(params);
    }
  };
  for (const plan of plansOf(config, catalog)) {
    add(
      "strategies",
      plan.strategy.def,
      plan.strategy.origin,
      plan.strategy.params as Record<string, unknown>,
    );
    for (const indicator of plan.indicators)
      add("indicators", indicator.def, indicator.origin, indicator.params);
  }
  return [...found.values()].map((e) => e.plugin);
}

/** `strategy:NAME` / `indicator:NAME` -> sha256, what config_hash includes. */
export function pluginVersions(used: readonly UsedPlugin[]): PluginVersions {
  const out: Record<string, string> = {};
  for (const p of used)
    out[`${p.family === "strategies" ? "strategy" : "indicator"}:${p.name}`] = p.origin.sha256;
  return out;
}
