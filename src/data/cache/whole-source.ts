/**
 * @module data/cache/whole-source
 * The cache of a provider that reads its whole source for any request (csv: the file is parsed whole anyway,
 * every row validated). Each version of the source is parsed **once** into one *source entry* (its Parquet file
 * holds every bar; its key uses the fixed range [SOURCE_START, SOURCE_END]), and each requested range is a
 * *range entry*: a candle_cache row with the usual candle hash of the request, pointing at the source entry's
 * file, with its own row count and quality report. A range is served by slicing the source file, so two ranges
 * of one file no longer store its bars twice. Gap flags and the quality report are those of the slice (its first
 * bar is never a gap); repair counts are the whole file's. A new source version removes the old source entry and
 * every range entry on it (their files are the old source file).
 */
import { type Candles, candlesBetween } from "../../core/candles.js";
import { quote, StudioError } from "../../core/errors.js";
import { type CandleKey, candleHash } from "../../core/hashes.js";
import type { Db } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import { CandleCacheRepo, type CandleCacheRow } from "../../store/repos/candle-cache-repo.js";
import type { CandleProvider, CandleRequest, ProviderContext } from "../provider.js";
import { checkProviderOutput } from "../provider-output.js";
import { gapFlags } from "../quality/gap-flags.js";
import { type QualityReport, qualityReport } from "../quality/quality.js";
import { removeCacheEntries } from "./cache-admin.js";
import { candleCacheLocation } from "./cache-paths.js";
import { readCachedCandles } from "./cache-read.js";
import { writeCacheEntry } from "./cache-write.js";

/** The fixed range of a source entry's key: all representable dates. */
export const SOURCE_START = -8_640_000_000_000_000;
export const SOURCE_END = 8_640_000_000_000_000;

type Bars = Candles & { gapFlag: Uint8Array };

export interface WholeSourceLoad {
  readonly candles: Bars;
  readonly report: QualityReport;
  readonly rawSourceVersion: string;
  readonly fromCache: boolean;
  /** The source entry's file, which holds the range's bars. */
  readonly file: string;
  readonly candleHash: string;
  readonly recovered: string | null;
}

export async function loadWholeSource(
  db: Db,
  home: HomePaths,
  provider: CandleProvider,
  request: CandleRequest,
  ctx: ProviderContext,
  keyOf: (rawSourceVersion: string, range?: { start: number; end: number }) => CandleKey,
  version: string,
  now: number,
): Promise<WholeSourceLoad> {
  const repo = new CandleCacheRepo(db);
  const sourceKeyOf = (v: string) => keyOf(v, { start: SOURCE_START, end: SOURCE_END });
  let recovered: string | null = null;
  let source: { bars: Bars; row: CandleCacheRow; version: string } | undefined;
  const sourceHash = candleHash(sourceKeyOf(version));
  const sourceRow = repo.get(sourceHash);
  if (sourceRow) {
    const where = candleCacheLocation(home, { ...sourceKeyOf(version), candleHash: sourceHash });
    const read = await readCachedCandles(where.file, sourceRow);
    if (read.ok) source = { bars: read.candles, row: sourceRow, version };
    else recovered = `cache file ${where.relative} was ${read.problem}`;
  }
  const fromCache = source !== undefined;
  if (!source) {
    const fetched = await provider.fetch({ ...request, start: SOURCE_START, end: SOURCE_END }, ctx);
    const c = fetched.candles;
    checkProviderOutput(provider.name, c, SOURCE_START, SOURCE_END);
    const bars = { ...c, gapFlag: gapFlags(c.ts, request.timeframe) };
    const report = qualityReport(c.ts, bars.gapFlag, fetched.report, fetched.warnings ?? []);
    const key = sourceKeyOf(fetched.rawSourceVersion);
    const old = repo.superseded({ ...key, candleHash: candleHash(key) });
    const entry = writeCacheEntry(db, home, key, bars, report, now);
    // Range entries on an older version point at its file: they go with it.
    const stale = new Set(old.map((r) => r.path));
    removeCacheEntries(
      db,
      home,
      repo.list({ provider: key.provider, symbol: key.symbol }).filter((r) => stale.has(r.path)),
    );
    source = { bars, row: repo.get(entry.candleHash)!, version: fetched.rawSourceVersion };
  }

  const slice = sliceRange(source.bars, request.start, request.end);
  if (slice.ts.length === 0) {
    const all = source.bars.ts;
    const span = all.length
      ? `the source's ${all.length} bar(s) run from ${iso(all[0]!)} to ${iso(all[all.length - 1]!)}`
      : "the source has no bars";
    throw new StudioError(
      "DATA_NOT_FOUND",
      `${provider.name}: no ${request.timeframe} bars for ${quote(request.symbol)} between ${iso(request.start)} and ${iso(request.end)}; ${span}`,
    );
  }
  const stored = JSON.parse(source.row.qualityJson) as QualityReport;
  const report = qualityReport(
    slice.ts,
    slice.gapFlag,
    {
      duplicatesDropped: stored.duplicates_dropped,
      conflictingDuplicates: stored.conflicting_duplicates,
      rowsRejected: stored.rows_rejected,
      unsortedFixed: stored.unsorted_fixed,
    },
    stored.warnings ?? [],
  );
  const rangeKey = keyOf(source.version);
  const rangeHash = candleHash(rangeKey);
  const location = candleCacheLocation(home, {
    ...sourceKeyOf(source.version),
    candleHash: source.row.candleHash,
  });
  const existing = repo.get(rangeHash);
  if (!existing || existing.path !== source.row.path || existing.rowCount !== slice.ts.length) {
    repo.upsert({
      candleHash: rangeHash,
      provider: rangeKey.provider,
      symbol: rangeKey.symbol,
      timeframe: rangeKey.timeframe,
      start: rangeKey.start,
      end: rangeKey.end,
      rowCount: slice.ts.length,
      createdAt: now,
      path: source.row.path,
      sizeBytes: source.row.sizeBytes,
      qualityJson: JSON.stringify(report),
    });
  }
  return {
    candles: slice,
    report,
    rawSourceVersion: source.version,
    fromCache,
    file: location.file,
    candleHash: rangeHash,
    recovered,
  };
}

/** The bars with start <= ts <= end (views), gap flags recomputed so the first is never a gap. */
function sliceRange(c: Bars, start: number, end: number): Bars {
  const slice = candlesBetween(c, start, end);
  const gapFlag = slice.gapFlag!.slice();
  if (gapFlag.length > 0) gapFlag[0] = 0;
  return { ...slice, gapFlag };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
