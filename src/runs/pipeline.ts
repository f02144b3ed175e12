/**
 * @module runs/pipeline
 * The work of one run, stage by stage: load candles (cache first), load or compute features (cache first),
 * then `runPlan` (signal and simulation, metrics: the same function the library and every validation
 * replication use), validate (worker pool), then write every artifact into a staging folder and rename it into
 * place. Plugins come from the run's Catalog. Each stage reports progress and checks for cancellation when it
 * ends; a failure anywhere leaves no run folder behind (the lifecycle removes the staging folder).
 */
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { sliceCandles } from "../core/candles.js";
import { CODE_VERSION } from "../core/code-version.js";
import { quote, StudioError } from "../core/errors.js";
import { runHash } from "../core/hashes.js";
import type { Metrics } from "../core/results.js";
import type { RunConfig } from "../core/run-config.js";
import { loadWithHistory } from "../data/cache/load-with-history.js";
import { planBacktest } from "../engine/plan-backtest.js";
import { assertEnoughBars, type PlanStep, runPlan } from "../engine/run-plan.js";
import { warmupBars } from "../indicators/features/warmup-bars.js";
import { prepareRunPlugins } from "../plugins/run-plugins.js";
import { writeRunArtifacts } from "./artifacts/write-artifacts.js";
import { builtinCatalog, type StudioCatalog } from "./builtin-catalog.js";
import type { Stage } from "./events/events.js";
import { loadFeatures } from "./feature-cache.js";
import type { PipelineContext, PipelineResult } from "./pipeline-types.js";
import { runDir, stagingDir } from "./run-paths.js";
import type { runValidationPooled } from "./workers/validation-pool.js";

function hasValidation(config: RunConfig): boolean {
  return Object.values(config.validation).some((v) => v !== undefined);
}

export interface PipelineOptions {
  /** Skip the first-use look-ahead check of user plugins (recorded in the summary). */
  readonly skipPluginCheck?: boolean;
}

/** `catalog` defaults to the built-ins (tests); a studio always passes its own. */
export async function runPipeline(
  ctx: PipelineContext,
  catalog: StudioCatalog = builtinCatalog(),
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const { config, home, store, run } = ctx;
  const timings: Record<string, number> = {};
  const started = new Map<Stage, number>();
  const enter = (stage: Stage) => {
    ctx.stage(stage);
    started.set(stage, performance.now());
  };
  const leave = (stage: Stage) => {
    timings[stage] = Math.round((performance.now() - started.get(stage)!) * 10) / 10;
    ctx.progress(1);
    ctx.checkCancelled();
  };
  const timed = async <T>(stage: Stage, fn: () => Promise<T> | T): Promise<T> => {
    enter(stage);
    const out = await fn();
    leave(stage);
    return out;
  };
  const plan = planBacktest(config, catalog);
  const userPlugins = prepareRunPlugins(home, catalog, config, options);

  // Warm-up: history before `start` so the run's indicators are defined there (0: start cold, as before).
  const warmupBarsAsked = config.warmup === "auto" ? warmupBars(plan.indicators) : config.warmup;
  const history = await timed("data_loading", () =>
    loadWithHistory(
      store.db,
      home,
      {
        provider: config.provider,
        symbol: config.symbol,
        timeframe: config.timeframe,
        start: config.start,
        end: config.end,
        ...(config.provider_options === undefined ? {} : { providerOptions: config.provider_options }),
      },
      warmupBarsAsked,
      {
        signal: ctx.signal,
        onProgress: (p) => (p.phase === "fetching" ? ctx.progress(p.ratio) : undefined),
        providers: catalog.providers,
      },
    ),
  );
  const data = history.loaded;
  const all = history.candles;
  const warmup = history.warmup;
  if (all.ts.length === warmup) {
    throw new StudioError(
      "DATA_NOT_FOUND",
      `${config.provider}: no ${config.timeframe} bars for ${quote(config.symbol)} from ${new Date(config.start).toISOString()} on; the data ends at ${new Date(all.ts[all.ts.length - 1]!).toISOString()}`,
    );
  }
  // Checked before the features are computed (runPlan checks it again, with the same words).
  assertEnoughBars(plan, all.ts.length);
  const warnings: string[] = [...(data.warnings ?? []), ...history.warnings];

  const feats = await timed("indicators", () =>
    loadFeatures(store, home, all, data.candleHash, plan.indicators, ctx.clock, (r) => ctx.progress(r)),
  );
  warnings.push(...feats.warnings);

  const sim = runPlan(plan, {
    candles: all,
    features: feats.features,
    warmup,
    onStep: (step: PlanStep, phase) => (phase === "enter" ? enter(step) : leave(step)),
  });
  warnings.push(...sim.warnings);
  const { metrics } = sim;
  // Everything from here on starts at `start`: the warm-up bars only fed the indicators.
  const candles = warmup === 0 ? all : (sliceCandles(all, warmup, all.ts.length) as typeof all);
  const bars = candles.ts.length;
  const historyBars = warmup === 0 ? undefined : sliceCandles(all, 0, warmup);

  const validation = await timed("validation", () =>
    hasValidation(config)
      ? // Loaded only when asked for: the worker pool and the validation methods are not for plain runs.
        import("./workers/validation-pool.js").then(({ runValidationPooled }) =>
          runValidationPooled(
            config,
            {
              catalog,
              home: home.root,
              candles,
              ...(historyBars ? { history: historyBars } : {}),
              realEquity: sim.portfolio.equity,
              realTradeReturns: sim.trades.returnPct,
            },
            { onProgress: (r, methods) => ctx.progress(r, methods), signal: ctx.signal },
          ),
        )
      : undefined,
  );

  let result: PipelineResult | undefined;
  await timed("artifacts", async () => {
    const staging = stagingDir(home, run.runId);
    mkdirSync(staging, { recursive: true });
    const completedAt = ctx.clock();
    const summary = {
      run: {
        run_id: run.runId,
        hash: run.hash,
        run_hash: runHash(run.hash),
        status: "completed",
        created_at: run.createdAt,
        started_at: run.startedAt,
        completed_at: completedAt,
        seed: config.seed,
      },
      config,
      code_version: CODE_VERSION,
      hashes: {
        config_hash: run.hash,
        run_hash: runHash(run.hash),
        candle_hash: data.candleHash,
        features: feats.hashes,
      },
      data: {
        provider: config.provider,
        symbol: config.symbol,
        timeframe: config.timeframe,
        bars,
        first_ts: candles.ts[0],
        last_ts: candles.ts[bars - 1],
        warmup_bars: warmup,
        from_cache: data.fromCache,
        cache_path: path.relative(home.root, data.path).split(path.sep).join("/"),
      },
      data_quality: data.report,
      plugins: userPlugins.records,
      warnings,
      stage_timings_ms: timings,
    };
    const params = Object.entries(config.strategy.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
    const { manifestSha } = await writeRunArtifacts(
      staging,
      { run_id: run.runId, created_at: completedAt, config_hash: run.hash },
      {
        candles,
        fills: sim.fills,
        portfolio: sim.portfolio,
        drawdown: sim.drawdown,
        trades: sim.trades,
        features: sim.features.columns,
        metrics,
        validation,
        summary,
        plotTitle: `${config.symbol} ${config.timeframe} · ${config.strategy.name}(${params})`,
        plotSubtitle: `${config.provider} · ${iso(candles.ts[0]!)} to ${iso(candles.ts[bars - 1]!)} UTC · run ${run.runId}`,
        plugins: userPlugins.code,
      },
      (r) => ctx.progress(r),
    );
    ctx.checkCancelled();
    renameSync(staging, runDir(home, run.runId));
    result = { completedAt, manifestSha, metricsSummary: metricsSummary(metrics, validation) };
  });
  return result!;
}

/** The subset of results shown in run lists: headline metrics and, when run, the headline statistics. */
function metricsSummary(
  m: Metrics,
  v: Awaited<ReturnType<typeof runValidationPooled>> | undefined,
): Record<string, unknown> {
  return {
    total_return: m.total_return,
    cagr: m.cagr,
    sharpe: m.sharpe,
    max_drawdown: m.max_drawdown,
    trade_count: m.trade_count,
    ...(v?.permutation ? { permutation_p_value: v.permutation.p_value } : {}),
    ...(v?.overfitting ? { dsr: v.overfitting.dsr, pbo: v.overfitting.pbo } : {}),
  };
}
