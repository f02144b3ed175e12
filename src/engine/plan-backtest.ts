/**
 * @module engine/plan-backtest
 * Resolves a RunConfig's plugins once, against the run's Catalog: the strategy, its named inputs (each an
 * indicator with parsed params and one output column), the config's extra indicators, the sizing model and the
 * exits (with the ATR indicators their `{atr, mult}` distances read). Loops
 * that replay many series with the same settings (permutations, walk-forward) then do no name lookups or param
 * parsing. Unknown names, outputs and bad params are CONFIG_INVALID with their path; a strategy input naming an
 * unknown indicator or output names the strategy, the key and the valid choices.
 */
import type { Catalog } from "../core/catalog/catalog.js";
import { callPlugin, pluginFailure } from "../core/catalog/plugin-failure.js";
import { quote, StudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import { timeframeMs } from "../core/timeframe.js";
import { uniqueIndicators } from "../indicators/features/compute-features.js";
import { type ResolvedIndicator, resolveIndicator } from "../indicators/features/resolve-indicator.js";
import { warmupBars } from "../indicators/features/warmup-bars.js";
import { type ResolvedRisk, resolveRisk } from "../risk/resolve-risk.js";
import { type ResolvedStrategy, resolveStrategy } from "../strategies/resolve-strategy.js";
import { exitIndicators, type PlannedExits, planExits } from "./plan-exits.js";

/** One strategy input: the key the strategy reads, the indicator computing it and the feature column it is. */
export interface PlannedInput {
  readonly key: string;
  readonly indicator: ResolvedIndicator;
  readonly column: string;
}

export interface BacktestPlan {
  readonly config: RunConfig;
  readonly catalog: Catalog;
  readonly strategy: ResolvedStrategy;
  /** The strategy's inputs, in the order its `inputs()` returned them. */
  readonly inputs: readonly PlannedInput[];
  /** The strategy's indicators first, then the exits' ATR, then the config's extra ones. */
  readonly indicators: readonly ResolvedIndicator[];
  /** The strategy's indicators and the exits' ATR (deduplicated): what a replay needs to compute. */
  readonly strategyIndicators: readonly ResolvedIndicator[];
  readonly risk: ResolvedRisk;
  /** The config's exits and the ATR columns they read; undefined without an `exits` block. */
  readonly exits: PlannedExits | undefined;
  readonly intervalMs: number;
  /** Bars before the first bar whose features are all defined. */
  readonly warmup: number;
}

export function planBacktest(
  config: RunConfig,
  catalog: Catalog,
  strategyParams?: Record<string, unknown>,
): BacktestPlan {
  const strategy = resolveStrategy(
    { name: config.strategy.name, params: strategyParams ?? config.strategy.params },
    catalog,
    "strategy",
  );
  const inputs = planInputs(strategy, catalog);
  const strategyIndicators = uniqueIndicators(inputs.map((input) => input.indicator));
  const extra = config.indicators.map((ref, i) => resolveIndicator(ref, catalog, `indicators[${i}]`));
  const exits = planExits(config, catalog);
  const replayed = uniqueIndicators([...strategyIndicators, ...exitIndicators(exits)]);
  return {
    config,
    catalog,
    strategy,
    inputs,
    indicators: [...replayed, ...extra],
    strategyIndicators: replayed,
    risk: resolveRisk(config.risk, catalog, "risk"),
    exits,
    intervalMs: timeframeMs(config.timeframe),
    // The strategy's warm-up only: an ATR exit still undefined leaves that level off, it does not delay trading.
    warmup: warmupBars(strategyIndicators),
  };
}

/** The strategy's `inputs()`, each checked against the catalog and resolved to its feature column. */
export function planInputs(strategy: ResolvedStrategy, catalog: Catalog): PlannedInput[] {
  const name = strategy.def.name;
  const what = `strategy ${quote(name)}`;
  const refs = callPlugin(strategy.origin, what, () =>
    strategy.def.inputs(strategy.params, { indicators: catalog.indicators }),
  ) as unknown;
  if (refs === null || typeof refs !== "object" || Array.isArray(refs)) {
    throw pluginFailure(
      strategy.origin,
      what,
      `inputs() returned ${quote(refs)}, not an object of named refs`,
    );
  }
  return Object.entries(refs as Record<string, unknown>).map(([key, value]) => {
    const path = `strategy.inputs.${key}`;
    const ref = value as { name?: unknown; params?: unknown; output?: unknown } | null;
    const invalid = (message: string, value: unknown, valid: readonly string[]) =>
      new StudioError(
        "CONFIG_INVALID",
        `${what} input ${quote(key)}: ${message}; valid: ${valid.join(", ") || "(none)"}`,
        { issues: [{ path, message, value, valid }] },
      );
    if (ref === null || typeof ref !== "object" || typeof ref.name !== "string") {
      throw pluginFailure(
        strategy.origin,
        what,
        `input ${quote(key)} is ${quote(value)}, not { name, params }`,
      );
    }
    if (!Object.hasOwn(catalog.indicators, ref.name)) {
      throw invalid(`unknown indicator ${quote(ref.name)}`, ref.name, Object.keys(catalog.indicators));
    }
    let indicator: ResolvedIndicator;
    try {
      indicator = resolveIndicator(
        { name: ref.name, params: (ref.params ?? {}) as Record<string, unknown> },
        catalog,
        path,
      );
    } catch (err) {
      if (err instanceof StudioError && err.code === "CONFIG_INVALID") {
        throw new StudioError("CONFIG_INVALID", `${what} input ${quote(key)}: ${err.message}`, err.details);
      }
      throw err;
    }
    const outputs = indicator.def.outputs;
    const output = ref.output ?? (outputs.length === 1 ? outputs[0] : undefined);
    const column = indicator.columns.find((c) => c.output === output);
    if (column === undefined) {
      const message =
        ref.output === undefined
          ? `indicator ${quote(ref.name)} has ${outputs.length} outputs; name one with \`output\``
          : `indicator ${quote(ref.name)} has no output ${quote(ref.output)}`;
      throw invalid(message, ref.output, outputs);
    }
    return { key, indicator, column: column.name };
  });
}
