/**
 * @module runs/parse-config
 * Full RunConfig validation against a Catalog (the built-ins plus the user's plugins): the structural schema,
 * then every plugin name against its family and every plugin's params against the plugin's own schema, the
 * strategy's named inputs against the catalog's indicators, the provider options against the provider's own
 * schema, and the walk-forward grid against the strategy's params. The
 * result is normalized (every default filled, params in parsed form), so two configs that mean the same run
 * hash the same. Every problem is CONFIG_INVALID naming the JSON path and the offending value.
 */
import type { Catalog } from "../core/catalog/catalog.js";
import { lookup } from "../core/catalog/registry.js";
import { quote, StudioError } from "../core/errors.js";
import { parseRunConfigShape, type RunConfig } from "../core/run-config.js";
import { parseProviderOptions } from "../data/provider-options.js";
import { planInputs } from "../engine/plan-backtest.js";
import { resolveIndicator } from "../indicators/features/resolve-indicator.js";
import { resolveRisk } from "../risk/resolve-risk.js";
import { resolveStrategy } from "../strategies/resolve-strategy.js";
import { hasParam, paramKeys, schemaAt } from "../validation/walk-forward/param-path.js";
import { builtinCatalog } from "./builtin-catalog.js";

/** `catalog` defaults to the built-ins (the library, tests); a studio always passes its own. */
export function parseRunConfig(input: unknown, catalog: Catalog = builtinCatalog()): RunConfig {
  const config = parseRunConfigShape(input);
  const provider = lookup(catalog.providers, "provider", config.provider, "provider");
  const providerOptions = parseProviderOptions(provider, config.provider_options).options;
  const strategy = resolveStrategy(config.strategy, catalog, "strategy");
  // A typo in a strategy's input (or a rule naming an unknown indicator) fails at submit, not mid-run.
  planInputs(strategy, catalog);
  const indicators = config.indicators.map((ref, i) => {
    const resolved = resolveIndicator(ref, catalog, `indicators[${i}]`);
    return { name: ref.name, params: resolved.params };
  });
  const risk = resolveRisk(config.risk, catalog, "risk");
  const grid = config.validation.wfo?.grid ?? {};
  const known = paramKeys(strategy.params);
  for (const [key, values] of Object.entries(grid)) {
    const path = `validation.wfo.grid.${key}`;
    if (!hasParam(strategy.params, key)) {
      throw new StudioError(
        "CONFIG_INVALID",
        `${path}: ${quote(key)} is not a param of strategy ${quote(config.strategy.name)}; valid: ${known.join(", ")}`,
        { issues: [{ path, message: "unknown strategy param", value: key, valid: known }] },
      );
    }
    // Each value must be valid for its field on its own; combinations that are only jointly invalid
    // (fast >= slow) are skipped and counted by the walk-forward stage.
    const field = schemaAt(strategy.def.schema, key);
    values.forEach((value, i) => {
      const result = field?.safeParse(value);
      if (result && !result.success) {
        const why = result.error.issues.map((issue) => issue.message).join("; ");
        throw new StudioError("CONFIG_INVALID", `${path}[${i}]: invalid value ${quote(value)} (${why})`, {
          issues: [{ path: `${path}[${i}]`, message: why, value }],
        });
      }
    });
  }
  return {
    ...config,
    ...(config.provider_options === undefined ? {} : { provider_options: { ...providerOptions } }),
    strategy: { name: config.strategy.name, params: strategy.params },
    indicators,
    risk: { name: config.risk.name, params: risk.params as Record<string, unknown> },
  };
}
