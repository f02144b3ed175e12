/**
 * @module data/cache/incremental
 * The incremental candle service for providers whose bars never change once closed (binance): a request that
 * overlaps a cached entry of the same series takes the cached bars and fetches only the parts before and after
 * them, then the cache stores the combined range as usual. An entry covers its recorded range only up to the bar
 * that was forming when it was written (`created_at`), so bars that closed since are fetched, not assumed absent.
 * The entry with the largest overlap is used; one that fails its checks is skipped (the full fetch follows).
 */
import { type Candles, candlesBetween } from "../../core/candles.js";
import { alignDown, alignUp, type Timeframe } from "../../core/timeframe.js";
import type { HomePaths } from "../../store/home.js";
import type { CandleCacheRepo } from "../../store/repos/candle-cache-repo.js";
import type { CandleProvider, CandleRequest, ProviderContext, ProviderResult } from "../provider.js";
import { candleCacheLocation } from "./cache-paths.js";
import { readCachedCandles } from "./cache-read.js";

export async function fetchMissingParts(
  repo: CandleCacheRepo,
  home: HomePaths,
  provider: CandleProvider,
  request: CandleRequest,
  ctx: ProviderContext,
  excludeHash: string,
): Promise<ProviderResult | undefined> {
  const tf = request.timeframe as Timeframe;
  const covered = (r: { start: number; end: number; createdAt: number }) => ({
    start: Math.max(request.start, r.start),
    end: Math.min(request.end, r.end, alignDown(r.createdAt, tf) - 1),
  });
  const candidates = repo
    .list({ provider: provider.name, symbol: request.symbol })
    .filter((r) => r.timeframe === tf && r.candleHash !== excludeHash)
    .map((r) => ({ row: r, span: covered(r) }))
    .filter((c) => c.span.end >= c.span.start)
    .sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start));
  for (const { row, span } of candidates) {
    const where = candleCacheLocation(home, { ...row, candleHash: row.candleHash });
    const read = await readCachedCandles(where.file, row);
    if (!read.ok) continue;
    const parts: Candles[] = [];
    let rejected = 0;
    let version: string | undefined;
    if (request.start < span.start) {
      const head = await provider.fetch({ ...request, end: span.start - 1 }, ctx);
      parts.push(head.candles);
      rejected += head.report.rowsRejected ?? 0;
    }
    parts.push(candlesBetween(read.candles, span.start, span.end));
    const tailStart = alignUp(span.end + 1, tf);
    if (tailStart <= request.end) {
      const tail = await provider.fetch({ ...request, start: tailStart }, ctx);
      parts.push(tail.candles);
      rejected += tail.report.rowsRejected ?? 0;
      version = tail.rawSourceVersion;
    }
    return {
      candles: concat(parts),
      rawSourceVersion: version ?? (await provider.sourceVersion(request, ctx)),
      report: { rowsRejected: rejected },
    };
  }
  return undefined;
}

function concat(parts: readonly Candles[]): Candles {
  const n = parts.reduce((k, p) => k + p.ts.length, 0);
  const join = (pick: (c: Candles) => Float64Array | undefined) => {
    const out = new Float64Array(n);
    let at = 0;
    for (const p of parts) {
      const col = pick(p);
      if (col) out.set(col, at);
      at += p.ts.length;
    }
    return out;
  };
  const vwap = parts.every((p) => p.vwap !== undefined);
  return {
    ts: join((c) => c.ts),
    open: join((c) => c.open),
    high: join((c) => c.high),
    low: join((c) => c.low),
    close: join((c) => c.close),
    volume: join((c) => c.volume),
    ...(vwap ? { vwap: join((c) => c.vwap) } : {}),
  };
}
