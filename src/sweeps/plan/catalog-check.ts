/**
 * @module sweeps/plan/catalog-check
 * The per-trial config check of a sweep: the plan a run would make (every plugin looked up in the run's catalog,
 * its params parsed by its schema), with the parsed plugin params put back into the config so the planner can
 * tell a varied field that exists from one the schema drops.
 */
import type { Catalog } from "../../core/catalog/catalog.js";
import type { RunConfig } from "../../core/run-config.js";
import { planBacktest } from "../../engine/plan-backtest.js";

export function catalogCheck(catalog: Catalog): (config: RunConfig) => unknown {
  return (config) => {
    const plan = planBacktest(config, catalog);
    return {
      ...config,
      strategy: { name: config.strategy.name, params: plan.strategy.params },
      risk: { name: config.risk.name, params: plan.risk.params },
    };
  };
}
