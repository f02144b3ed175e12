/**
 * @module runs/parse-config
 * Full RunConfig validation: the structural schema, then every plugin name against its registry and every
 * plugin's params against the plugin's own schema, and the walk-forward grid against the strategy's params. The
 * result is normalized (every default filled, params in parsed form), so two configs that mean the same run
 * hash the same. Every problem is CONFIG_INVALID naming the JSON path and the offending value.
 */
import type { z } from "zod";
import { quote, StudioError } from "../core/errors.js";
import { lookup } from "../core/registry.js";
import { parseRunConfigShape, type RunConfig } from "../core/run-config.js";
import { PROVIDERS } from "../data/registry.js";
import { resolveIndicator } from "../indicators/resolve-indicator.js";
import { resolveRisk } from "../risk/resolve-risk.js";
import { resolveStrategy } from "../strategies/resolve-strategy.js";

export function parseRunConfig(input: unknown): RunConfig {
  const config = parseRunConfigShape(input);
  lookup(PROVIDERS, "provider", config.provider, "provider");
  const strategy = resolveStrategy(config.strategy, "strategy");
  const indicators = config.indicators.map((ref, i) => {
    const resolved = resolveIndicator(ref, `indicators[${i}]`);
    return { name: ref.name, params: resolved.params };
  });
  const risk = resolveRisk(config.risk, "risk");
  const grid = config.validation.wfo?.grid ?? {};
  const known = Object.keys(strategy.params);
  for (const [key, values] of Object.entries(grid)) {
    const path = `validation.wfo.grid.${key}`;
    if (!known.includes(key)) {
      throw new StudioError(
        "CONFIG_INVALID",
        `${path}: ${quote(key)} is not a param of strategy ${quote(config.strategy.name)}; valid: ${known.join(", ")}`,
        { issues: [{ path, message: "unknown strategy param", value: key, valid: known }] },
      );
    }
    // Each value must be valid for its field on its own; combinations that are only jointly invalid
    // (fast >= slow) are skipped and counted by the walk-forward stage.
    const field = (strategy.def.schema as unknown as { shape?: Record<string, z.ZodType> }).shape?.[key];
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
    strategy: { name: config.strategy.name, params: strategy.params },
    indicators,
    risk: { name: config.risk.name, params: risk.params as Record<string, unknown> },
  };
}
