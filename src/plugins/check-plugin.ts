/**
 * @module plugins/check-plugin
 * `checkPlugin(def)`: the look-ahead check for a strategy or an indicator, the same properties every built-in
 * passes (see check-indicator.ts and check-strategy.ts), on two sample series (a seeded random walk and
 * market-like daily bars with fat tails and volatility clusters), for the default params and any others given.
 * The report lists every check; `failure` is the first problem, and for a leak it names the series, the first
 * bar that moved, `k` and the size of the change. `studio plugins check NAME` prints it, and the studio runs it
 * on a short sample the first time a user plugin version is used.
 */
import { type Catalog, extendCatalog } from "../core/catalog/catalog.js";
import { parseParams } from "../core/catalog/registry.js";
import { quote, StudioError } from "../core/errors.js";
import { engineCatalog } from "../engine/engine-catalog.js";
import type { IndicatorDef } from "../indicators/types.js";
import type { StrategyDef } from "../strategies/types.js";
import { checkIndicatorProperties, type SampleData } from "./check-indicator.js";
import { type CheckResult, type PluginCheckReport, reportOf } from "./check-report.js";
import { checkPlan, checkStrategyProperties } from "./check-strategy.js";
import { marketCandles, randomWalkCandles } from "./sample-candles.js";

export interface CheckPluginOptions {
  /** Param sets to check besides the defaults. */
  readonly params?: readonly Record<string, unknown>[];
  /** Where a strategy's inputs are looked up (default: the built-ins); `def` is added when it is not in it. */
  readonly catalog?: Catalog;
  /** Bars of each sample series (default 400; at least twice the warm-up plus 100). */
  readonly bars?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: a definition's params type is its own; any schema is accepted.
type AnyPlugin = StrategyDef<any> | IndicatorDef<any>;

function isStrategy(def: AnyPlugin): def is StrategyDef {
  return typeof (def as StrategyDef).signal === "function";
}

/** `catalog` with `def` in it under its name (the same object), or PLUGIN_INVALID when another one holds it. */
function catalogWith(catalog: Catalog, def: AnyPlugin): Catalog {
  const family = isStrategy(def) ? "strategies" : "indicators";
  const present = (catalog[family] as Record<string, unknown>)[def.name];
  if (present === def) return catalog;
  if (present !== undefined) {
    throw new StudioError(
      "PLUGIN_INVALID",
      `cannot check ${quote(def.name)}: the catalog already has another ${family === "strategies" ? "strategy" : "indicator"} of that name`,
    );
  }
  return extendCatalog(catalog, { [family]: [def] });
}

function samples(bars: number): SampleData[] {
  return [
    { label: "random walk", candles: randomWalkCandles(bars, 7) },
    { label: "market-like daily bars", candles: marketCandles(bars) },
  ];
}

export function checkPlugin(def: AnyPlugin, options: CheckPluginOptions = {}): PluginCheckReport {
  const strategy = isStrategy(def);
  const catalog = strategy ? catalogWith(options.catalog ?? engineCatalog(), def) : undefined;
  const paramSets = [{}, ...(options.params ?? [])].map(
    (input, i) =>
      parseParams(def.schema, input, i === 0 ? "params" : `params[${i - 1}]`) as Record<string, unknown>,
  );
  const perSet: CheckResult[][] = [];
  let bars = options.bars ?? 400;
  const data: string[] = [];
  for (const params of paramSets) {
    const plan = strategy ? checkPlan(def, params, catalog!) : undefined;
    const warmup = plan ? plan.warmup : (def as IndicatorDef).lookback(params);
    bars = Math.max(bars, 2 * warmup + 100);
    const sample = samples(bars);
    if (data.length === 0) data.push(...sample.map((s) => s.label));
    const results = plan
      ? checkStrategyProperties(plan, sample)
      : checkIndicatorProperties(def as IndicatorDef, params, sample);
    perSet.push(results.map((r) => (r.failure ? { ...r, failure: { ...r.failure, params } } : r)));
  }
  // One result per check: the first param set that fails it decides.
  const merged = perSet[0]!.map((first) => {
    const failing = perSet.map((set) => set.find((r) => r.check === first.check)).find((r) => r?.failure);
    return failing ?? first;
  });
  for (const set of perSet.slice(1)) {
    for (const r of set) if (!merged.some((m) => m.check === r.check)) merged.push(r);
  }
  return reportOf(
    { kind: strategy ? "strategy" : "indicator", name: def.name, params: paramSets, bars, data },
    merged,
  );
}
