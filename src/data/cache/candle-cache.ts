/**
 * @module data/cache/candle-cache
 * `loadCandles`: the one way the studio gets candles. The cache key is the candle hash (docs/architecture.md#reproducibility-and-hashes) over (provider,
 * symbol, timeframe, start, end, raw source version); the provider's cheap `sourceVersion` decides it, so an
 * edited CSV or a newly closed Binance bar gives a new key while everything else is a hit. A hit reads the Parquet
 * file without calling the provider's fetch. A miss fetches, computes gap flags and the quality report, writes
 * the file atomically, records a candle_cache row and removes entries the new one supersedes (same request,
 * older source version). A cache file that is missing or does not match its row is reported in `warnings` and
 * `cacheRecovered`, then refetched. A provider that reads its whole source anyway (csv) is cached once per source
 * version and every range is served from that entry (whole-source.ts).
 */
import type { Candles } from "../../core/candles.js";
import { lookup, parseParams, type Registry } from "../../core/catalog/registry.js";
import { quote, StudioError } from "../../core/errors.js";
import { type CandleKey, candleHash } from "../../core/hashes.js";
import type { Db } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import { CandleCacheRepo } from "../../store/repos/candle-cache-repo.js";
import { throwIfCancelled } from "../cancel.js";
import type { FetchProgress, ProviderDef } from "../provider.js";
import { parseProviderOptions } from "../provider-options.js";
import { checkProviderOutput } from "../provider-output.js";
import { gapFlags } from "../quality/gap-flags.js";
import { coverageWarning, type QualityReport, qualityReport } from "../quality/quality.js";
import { PROVIDERS } from "../registry.js";
import { type CandleRequestInput, parseCandleRequest } from "../request.js";
import { candleCacheLocation } from "./cache-paths.js";
import { readCachedCandles, readCachedTimes } from "./cache-read.js";
import { writeCacheEntry } from "./cache-write.js";
import { fetchMissingParts } from "./incremental.js";
import { loadWholeSource } from "./whole-source.js";

export interface LoadRequest extends CandleRequestInput {
  readonly provider: string;
  /** The RunConfig's `provider_options`, checked here by the provider's own schema. */
  readonly providerOptions?: Readonly<Record<string, unknown>>;
  /**
   * Start of the range the caller will use, when it asks for earlier bars as history (warm-up): coverage is
   * judged against [coverageStart, end], not the extended request. Default: `start`.
   */
  readonly coverageStart?: number;
}

export type LoadProgress =
  | { readonly phase: "cache_hit" }
  | ({ readonly phase: "fetching" } & FetchProgress)
  | { readonly phase: "writing"; readonly bars: number };

export interface LoadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: LoadProgress) => void;
  /** Provider registry; tests substitute spies. */
  readonly providers?: Registry<ProviderDef>;
  readonly now?: () => number;
}

export interface LoadedCandles {
  /** With gapFlag. */
  readonly candles: Candles & { gapFlag: Uint8Array };
  readonly candleHash: string;
  readonly rawSourceVersion: string;
  readonly fromCache: boolean;
  readonly report: QualityReport;
  /** Absolute path of the Parquet file. */
  readonly path: string;
  readonly warnings: string[];
  /** Why the cache file was refetched, or null when it was fine or absent. */
  readonly cacheRecovered: string | null;
}

/** The provider, the parsed request and its cache key, as every load of `input` computes them. */
function resolveLoad(home: HomePaths, input: LoadRequest, options: LoadOptions) {
  const def = lookup(options.providers ?? PROVIDERS, "provider", input.provider, "provider");
  const parsed = parseProviderOptions(def, input.providerOptions);
  const request = {
    ...parseCandleRequest(input),
    ...(parsed.options ? { options: parsed.options } : {}),
  };
  const provider = def.create(parseParams(def.schema, {}, "provider.params"));
  const ctx = {
    home,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p: FetchProgress) => options.onProgress?.({ phase: "fetching", ...p }),
  };
  const keyOf = (rawSourceVersion: string, range: { start: number; end: number } = request): CandleKey => ({
    provider: provider.name,
    symbol: request.symbol,
    timeframe: request.timeframe,
    start: range.start,
    end: range.end,
    rawSourceVersion,
    ...(parsed.keyPart === undefined ? {} : { options: parsed.keyPart }),
  });
  return { provider, request, ctx, keyOf };
}

/**
 * The bar times `loadCandles(input)` would return, when they come from an intact cache file of its own (not a
 * whole-source entry): read without the prices, which a caller that is only counting bars does not need.
 * Undefined otherwise (no entry, a damaged file, a whole-source provider); `loadCandles` then does the work,
 * with its warnings and refetch. Calls no provider fetch and changes nothing.
 */
export async function cachedBarTimes(
  db: Db,
  home: HomePaths,
  input: LoadRequest,
  options: LoadOptions = {},
): Promise<Float64Array | undefined> {
  const { provider, request, ctx, keyOf } = resolveLoad(home, input, options);
  // A whole-source provider's version is a hash of its whole source: not worth it for a probe.
  if (provider.wholeSource) return undefined;
  const version = await provider.sourceVersion(request, ctx);
  const hash = candleHash(keyOf(version));
  const row = new CandleCacheRepo(db).get(hash);
  if (!row) return undefined;
  const read = await readCachedTimes(
    candleCacheLocation(home, { ...keyOf(version), candleHash: hash }).file,
    row,
  );
  return read.ok ? read.ts : undefined;
}

export async function loadCandles(
  db: Db,
  home: HomePaths,
  input: LoadRequest,
  options: LoadOptions = {},
): Promise<LoadedCandles> {
  const { provider, request, ctx, keyOf } = resolveLoad(home, input, options);
  const repo = new CandleCacheRepo(db);
  const version = await provider.sourceVersion(request, ctx);
  const hash = candleHash(keyOf(version));
  const warnings: string[] = [];
  let recovered: string | null = null;
  // Coverage depends on the range the caller uses, so it is judged on every load and never cached.
  const used = {
    timeframe: request.timeframe,
    start: input.coverageStart ?? request.start,
    end: request.end,
  };
  const withCoverage = (report: QualityReport, ts: Float64Array): QualityReport => {
    const coverage = coverageWarning(ts, used);
    if (!coverage) return report;
    return {
      ...report,
      warnings: [...(report.warnings ?? []), `${provider.name} ${request.symbol}: ${coverage}`],
    };
  };

  if (provider.wholeSource) {
    throwIfCancelled(options.signal);
    const now = (options.now ?? Date.now)();
    const got = await loadWholeSource(db, home, provider, request, ctx, keyOf, version, now);
    if (got.recovered) warnings.push(`${got.recovered}; refetched from ${provider.name}`);
    options.onProgress?.(
      got.fromCache ? { phase: "cache_hit" } : { phase: "writing", bars: got.candles.ts.length },
    );
    const report = withCoverage(got.report, got.candles.ts);
    warnings.push(...(report.warnings ?? []));
    return {
      candles: got.candles,
      candleHash: got.candleHash,
      rawSourceVersion: got.rawSourceVersion,
      fromCache: got.fromCache,
      report,
      path: got.file,
      warnings,
      cacheRecovered: got.recovered,
    };
  }

  const row = repo.get(hash);
  if (row) {
    const where = candleCacheLocation(home, { ...keyOf(version), candleHash: hash });
    const read = await readCachedCandles(where.file, row);
    if (read.ok) {
      options.onProgress?.({ phase: "cache_hit" });
      const report = withCoverage(JSON.parse(row.qualityJson) as QualityReport, read.candles.ts);
      warnings.push(...(report.warnings ?? []));
      return {
        candles: read.candles,
        candleHash: hash,
        rawSourceVersion: version,
        fromCache: true,
        report,
        path: where.file,
        warnings,
        cacheRecovered: null,
      };
    }
    recovered = `cache file ${where.relative} was ${read.problem}`;
    warnings.push(`${recovered}; refetched from ${provider.name}`);
  }

  throwIfCancelled(options.signal);
  const fetched =
    (provider.incremental ? await fetchMissingParts(repo, home, provider, request, ctx, hash) : undefined) ??
    (await provider.fetch(request, ctx));
  throwIfCancelled(options.signal);
  const c = fetched.candles;
  checkProviderOutput(provider.name, c, request.start, request.end);
  if (c.ts.length === 0) {
    throw new StudioError(
      "DATA_NOT_FOUND",
      `${provider.name}: no ${request.timeframe} bars for ${quote(request.symbol)} between ${iso(request.start)} and ${iso(request.end)}`,
    );
  }
  const gapFlag = gapFlags(c.ts, request.timeframe);
  const candles = { ...c, gapFlag };
  // Warnings about the data itself travel with the cache entry's report, so a cache hit says them again.
  const stored = qualityReport(c.ts, gapFlag, fetched.report, fetched.warnings ?? []);
  const report = withCoverage(stored, c.ts);
  warnings.push(...(report.warnings ?? []));

  // Key by the version actually read: the source may have changed since sourceVersion looked.
  options.onProgress?.({ phase: "writing", bars: c.ts.length });
  const now = (options.now ?? Date.now)();
  const entry = writeCacheEntry(db, home, keyOf(fetched.rawSourceVersion), candles, stored, now);
  return {
    candles,
    candleHash: entry.candleHash,
    rawSourceVersion: fetched.rawSourceVersion,
    fromCache: false,
    report,
    path: entry.file,
    warnings,
    cacheRecovered: recovered,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
