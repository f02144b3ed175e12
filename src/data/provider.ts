/**
 * @module data/provider
 * The one contract every candle source implements. A provider turns a request (symbol, timeframe, inclusive
 * [start, end] in epoch ms) into sorted, de-duplicated, validated struct-of-arrays candles inside the range, and
 * says which version of its raw source it read, so the cache key changes exactly when the bytes could. Providers
 * never compute gap flags or the quality report (the cache does, the same way for all of them); they report the
 * repairs only they can see (duplicates dropped, unsorted rows, rejected rows). A provider may take options
 * (`provider_options`), validated by its own schema before it sees them.
 */
import type { z } from "zod";
import type { Candles } from "../core/candles.js";
import type { PluginEntry } from "../core/catalog/registry.js";
import type { Timeframe } from "../core/timeframe.js";
import type { HomePaths } from "../store/home.js";

export interface CandleRequest {
  /** Validated against SYMBOL_PATTERN before any provider sees it. */
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** Inclusive epoch ms UTC. */
  readonly start: number;
  /** Inclusive epoch ms UTC. */
  readonly end: number;
  /** The provider's options, already parsed by its `options` schema (absent for a provider without one). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface FetchProgress {
  /** Bars received so far. */
  readonly bars: number;
  /** 0..1 share of the requested time range covered. */
  readonly ratio: number;
}

export interface ProviderContext {
  readonly home: HomePaths;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FetchProgress) => void;
}

/** Repairs a provider made while ingesting, counted over the bars it returns. */
export interface IngestCounts {
  /** Rows dropped because another row had the same timestamp. */
  readonly duplicatesDropped: number;
  /** Of those, rows whose values differed from the kept row. */
  readonly conflictingDuplicates: number;
  /** Rows dropped as invalid (non-positive or inconsistent OHLC) where the source cannot be fixed by the user. */
  readonly rowsRejected: number;
  /** Rows that arrived earlier than the row before them and were moved by sorting. */
  readonly unsortedFixed: number;
}

export interface ProviderResult {
  /** Strictly increasing `ts`, all within [start, end]; no gapFlag needed. */
  readonly candles: Candles;
  /** The version of the bytes actually read (may differ from an earlier `sourceVersion` if the source changed). */
  readonly rawSourceVersion: string;
  readonly report: Partial<IngestCounts>;
  /** Human-readable notes about repairs (e.g. which duplicates conflicted). */
  readonly warnings?: readonly string[];
}

export interface CandleProvider {
  readonly name: string;
  /**
   * The provider reads its whole source for any request (csv): the cache then parses each source version once
   * and serves every range from it (whole-source.ts); `fetch` is called with the range [SOURCE_START, SOURCE_END].
   */
  readonly wholeSource?: boolean;
  /**
   * Closed bars never change (binance): a request overlapping a cached entry fetches only the missing parts
   * (incremental.ts).
   */
  readonly incremental?: boolean;
  /** A cheap identity of the raw source for this request: the cache key part that changes with the data. */
  sourceVersion(request: CandleRequest, ctx: ProviderContext): Promise<string>;
  fetch(request: CandleRequest, ctx: ProviderContext): Promise<ProviderResult>;
}

/** A registry entry: params schema plus a factory (see src/core/catalog/registry.ts). */
export interface ProviderDef<S extends z.ZodType = z.ZodType> extends PluginEntry<S> {
  create(params: z.output<S>): CandleProvider;
  /**
   * The schema of the RunConfig's `provider_options` for this provider: how to read its source (time zone, date
   * format, ...). The parsed options are part of the candle key. A provider without one accepts no options.
   */
  readonly options?: z.ZodType<Record<string, unknown>>;
}
