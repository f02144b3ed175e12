/**
 * @module core/run-config
 * The RunConfig schema: everything that determines a run's results (spec section 2, plus the documented
 * extensions `initial_cash`, `execution.commission_bps`, `execution.lot_size`, `block_size: "auto"` and the
 * walk-forward grid). It is structural: plugin names are checked against the run's plugin catalog, and plugin
 * params against the plugins' own schemas, by `planBacktest` (engine) and `parseRunConfig` (runs).
 * Strict everywhere: an unknown key is an error, never silently ignored.
 */
import { z } from "zod";
import { configError } from "./catalog/registry.js";
import { LIMITS } from "./limits.js";
import { TIMEFRAMES, timeframeMs } from "./timeframe.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses epoch ms (number or digit string) or an ISO date / date-time (UTC unless it has an offset). */
export function parseTimestamp(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  const text = value.trim();
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (ISO_DATE.test(text)) return checked(Date.parse(`${text}T00:00:00Z`), text);
  if (ISO_DATE_TIME.test(text)) {
    const iso = text.replace(" ", "T");
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`;
    return checked(Date.parse(zoned), text);
  }
  return undefined;
}

function checked(ms: number, text: string): number | undefined {
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse rolls 2021-02-30 over to March; reject dates that do not round-trip.
  const day = text.slice(0, 10);
  return new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)))
    .toISOString()
    .startsWith(day)
    ? ms
    : undefined;
}

const Timestamp = z
  .union([z.int(), z.string()])
  .transform((v, ctx) => {
    const ms = parseTimestamp(v);
    if (ms === undefined) {
      ctx.addIssue({ code: "custom", message: "expected epoch ms or an ISO date / date-time" });
      return z.NEVER;
    }
    return ms;
  })
  .describe("Epoch ms UTC (inclusive) or an ISO date / date-time string (UTC unless an offset is given).");

/** A symbol is a name, never a path: letters, digits and `._-^=`, not starting with a dot. */
export const SYMBOL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._^=-]{0,63}$/;
/** Preset names as the CLI and API accept them. */
export const PRESET_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const PluginRef = z.strictObject({
  name: z.string().min(1).describe("Registry name of the plugin."),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .describe("Plugin params; checked by the plugin's schema."),
});

/**
 * Numeric bounds of the config: values a user could mean. Beyond them the arithmetic stops meaning anything (a
 * denormal starting cash, a lot of 1e-300 units, a 100% slippage that sells at 0), so they are refused up front.
 * The README's limits table lists each one.
 */
export const CONFIG_BOUNDS = {
  initialCash: { min: 0.01, max: 1e15 },
  commissionPerShare: { max: 1_000 },
  /** 1000 bps = 10% of notional per fill. */
  commissionBps: { max: 1_000 },
  /** 1000 bps = 10% against the trader per fill. */
  slippageBps: { max: 1_000 },
  /** 100,000 bps = 1000% a year. */
  borrowBps: { max: 100_000 },
  /** A positive lot is at least this (a satoshi) and at most this many units. */
  lotSize: { min: 1e-8, max: 1e9 },
  inSampleRatio: { min: 0.05, max: 0.95 },
  confidence: { min: 0.5, max: 0.999 },
} as const;

const B = CONFIG_BOUNDS;

const Execution = z.strictObject({
  commission_per_share: z
    .number()
    .nonnegative()
    .max(B.commissionPerShare.max)
    .default(0)
    .describe("Fee per unit traded, in price currency."),
  commission_bps: z
    .number()
    .nonnegative()
    .max(B.commissionBps.max)
    .default(0)
    .describe("Fee in basis points of traded notional."),
  slippage_bps: z
    .number()
    .nonnegative()
    .max(B.slippageBps.max)
    .default(0)
    .describe("Fill price moved against the trader: buys at open*(1+bps/1e4), sells at open*(1-bps/1e4)."),
  borrow_bps: z
    .number()
    .nonnegative()
    .max(B.borrowBps.max)
    .default(0)
    .describe("Annual borrow rate on short market value, accrued every bar (year = 365.25 days)."),
  lot_size: z
    .number()
    .max(B.lotSize.max)
    .refine((v) => v === 0 || v >= B.lotSize.min, {
      message: `expected 0 (fractional quantities) or a lot of at least ${B.lotSize.min}`,
    })
    .default(0)
    .describe("Quantities are rounded down to a multiple of this; 0 means fractional quantities."),
});

/** `{atr, mult}`: a distance of mult x ATR(atr), read from the shifted ATR feature at the entry bar. */
const AtrDistance = z.strictObject({
  atr: z.int().min(1).max(100_000).describe("ATR period (Wilder smoothing) the distance is measured in."),
  mult: z.number().gt(0).max(1000).describe("Multiple of the ATR at the entry bar."),
});

const StopDistance = z.union([
  z.number().gt(0).lt(1).describe("Fraction of the entry fill price, 0 < x < 1."),
  AtrDistance,
]);

const Exits = z.strictObject({
  stop_loss: StopDistance.optional().describe(
    "Stop below a long's entry (above a short's): a fraction of the entry fill or {atr, mult}.",
  ),
  take_profit: z
    .union([z.number().gt(0).max(1000).describe("Fraction of the entry fill price, x > 0."), AtrDistance])
    .optional()
    .describe("Target above a long's entry (below a short's): a fraction of the entry fill or {atr, mult}."),
  trailing_stop: StopDistance.optional().describe(
    "Stop trailing the best price since entry (highest high for a long): a fraction or {atr, mult}.",
  ),
  max_bars: z
    .int()
    .min(1)
    .max(LIMITS.maxBars)
    .optional()
    .describe("Close at the open of the bar after the position has been held this many bars."),
  intrabar: z
    .enum(["stop_first", "target_first"])
    .default("stop_first")
    .describe("Which fills when one bar's range contains both the stop and the target."),
});

const GridValue = z.union([z.number(), z.boolean()]);

const Wfo = z.strictObject({
  windows: z.int().min(1).max(LIMITS.maxWfoWindows).default(4).describe("Number of out-of-sample segments."),
  in_sample_ratio: z
    .number()
    .min(B.inSampleRatio.min)
    .max(B.inSampleRatio.max)
    .default(0.75)
    .describe("In-sample share of each window (0.75 = 3:1)."),
  anchored: z.boolean().default(false).describe("Anchored (expanding) in-sample windows instead of rolling."),
  grid: z
    .record(z.string(), z.array(GridValue).min(1).max(LIMITS.maxGridTrials))
    .default({})
    .describe("Strategy param name -> candidate values; every combination is one trial."),
  objective: z
    .enum(["sharpe", "total_return", "sortino", "calmar"])
    .default("sharpe")
    .describe("In-sample objective to maximize; ties go to the first combination in grid order."),
  pbo_partitions: z
    .union([z.literal(8), z.literal(16)])
    .default(16)
    .describe("CSCV blocks S for the probability of backtest overfitting."),
});

const Validation = z.strictObject({
  permutation: z
    .strictObject({ n: z.int().min(1).max(LIMITS.maxPermutations).describe("Number of permuted series.") })
    .optional(),
  block_bootstrap: z
    .strictObject({
      n: z.int().min(1).max(LIMITS.maxBootstrap).describe("Number of bootstrap resamples."),
      block_size: z
        .union([z.int().min(1), z.literal("auto")])
        .default("auto")
        .describe('Block length in bars, or "auto" for the Politis-White optimal length.'),
      method: z
        .enum(["circular", "stationary"])
        .default("circular")
        .describe("Circular or stationary bootstrap."),
      confidence: z
        .number()
        .min(B.confidence.min)
        .max(B.confidence.max)
        .default(0.95)
        .describe("Two-sided confidence level of the interval."),
    })
    .optional(),
  monte_carlo: z
    .strictObject({
      n: z.int().min(1).max(LIMITS.maxMonteCarlo).describe("Number of resampled trade sequences."),
    })
    .optional(),
  wfo: Wfo.optional(),
});

export const RunConfigSchema = z
  .strictObject({
    symbol: z.string().regex(SYMBOL_PATTERN, "expected a symbol name (letters, digits, ._-^=), not a path"),
    timeframe: z.enum(TIMEFRAMES).describe("Bar interval."),
    start: Timestamp,
    end: Timestamp,
    provider: z.string().min(1).describe("Candle provider name (synthetic, csv, binance)."),
    provider_options: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        "How the provider reads its source (csv: timezone, date_format, time_column, align); checked by the provider's own schema.",
      ),
    indicators: z
      .array(PluginRef)
      .max(LIMITS.maxIndicators)
      .default([])
      .describe("Extra indicators to compute, cache and export beyond what the strategy needs."),
    strategy: PluginRef.describe("The strategy and its params."),
    risk: PluginRef.prefault({ name: "fixed_fraction", params: {} }).describe("Position sizing model."),
    execution: Execution.prefault({}).describe("Costs and quantity rounding."),
    validation: Validation.prefault({}).describe("Statistical tests to run after the backtest."),
    warmup: z
      .union([z.literal("auto"), z.int().min(0).max(1_000_000)])
      .default("auto")
      .describe(
        'Bars loaded before start so indicators are defined there: "auto" (the largest lookback of the run\'s indicators, plus one), a number of bars, or 0 (start cold). Equity, trades and metrics still start at start.',
      ),
    seed: z.int().min(0).max(4294967295).default(42).describe("Root seed of every random stream."),
    exits: Exits.optional().describe(
      "Stop-loss, take-profit, trailing-stop and time exits; absent means the target alone decides.",
    ),
    initial_cash: z
      .number()
      .min(B.initialCash.min)
      .max(B.initialCash.max)
      .default(10_000)
      .describe("Starting cash, in price currency."),
    preset_ref: z.string().regex(PRESET_NAME_PATTERN).optional().describe("Preset this config starts from."),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.start > cfg.end) {
      ctx.addIssue({
        code: "custom",
        path: ["start"],
        message: `start (${cfg.start}) is after end (${cfg.end})`,
      });
      return;
    }
    const bars = Math.floor((cfg.end - cfg.start) / timeframeMs(cfg.timeframe)) + 1;
    if (bars > LIMITS.maxBars) {
      ctx.addIssue({
        code: "custom",
        path: ["end"],
        message: `range spans ${bars} ${cfg.timeframe} bars; the limit is ${LIMITS.maxBars}`,
      });
    }
    const grid = cfg.validation.wfo?.grid ?? {};
    const trials = Object.values(grid).reduce((p, values) => p * values.length, 1);
    if (trials > LIMITS.maxGridTrials) {
      ctx.addIssue({
        code: "custom",
        path: ["validation", "wfo", "grid"],
        message: `grid has ${trials} combinations; the limit is ${LIMITS.maxGridTrials}`,
      });
    }
  });

/** A RunConfig as users write it (defaults optional, timestamps may be ISO strings). */
export type RunConfigInput = z.input<typeof RunConfigSchema>;
/** A normalized RunConfig: every default filled in, timestamps in epoch ms. */
export type RunConfig = z.output<typeof RunConfigSchema>;
export type PluginRef = z.output<typeof PluginRef>;
export type ExecutionConfig = z.output<typeof Execution>;
export type ExitsConfig = z.output<typeof Exits>;
/** A stop, target or trailing distance: a fraction of the entry fill, or a multiple of ATR at the entry bar. */
export type ExitDistance = z.output<typeof StopDistance> | z.output<typeof AtrDistance>;
export type ValidationConfig = z.output<typeof Validation>;
export type WfoConfig = z.output<typeof Wfo>;

/** Structural parse; CONFIG_INVALID names every bad path and value. Plugins are checked elsewhere. */
export function parseRunConfigShape(input: unknown): RunConfig {
  const result = RunConfigSchema.safeParse(input);
  if (!result.success) throw configError(result.error, input);
  return result.data;
}
