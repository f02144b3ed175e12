/**
 * @module data/cache/load-with-history
 * Candles for a run plus `bars` of history before its start (warm-up), so the run's indicators are defined at
 * `start`. How far back `bars` bars reach depends on the market's calendar (weekends, nights, holidays), so the
 * request starts about 1.6 intervals per bar plus a week earlier; when that held fewer bars than needed while the
 * source evidently goes back further (its first bar sits at the requested start), the reach is tripled, up to
 * three times. When it holds more, the range is requested again from the first bar used, so the series has
 * exactly `bars` bars before `start` (fewer when the source has no more, said in `warnings`), is the same
 * whichever reach found it, and is one cache entry of its own (with its own candle hash for the feature cache).
 */
import type { Candles } from "../../core/candles.js";
import { alignUp, MS_PER_DAY, TIMEFRAME_MS, type Timeframe } from "../../core/timeframe.js";
import type { Db } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import {
  cachedBarTimes,
  type LoadedCandles,
  type LoadOptions,
  type LoadRequest,
  loadCandles,
} from "./candle-cache.js";

export interface LoadedWithHistory {
  readonly loaded: LoadedCandles;
  /** History bars first, then the run's bars from `start`. */
  readonly candles: Candles & { gapFlag: Uint8Array };
  /** History bars at the front of `candles`. */
  readonly warmup: number;
  readonly warnings: string[];
}

const TRIES = 3;

export async function loadWithHistory(
  db: Db,
  home: HomePaths,
  request: LoadRequest,
  bars: number,
  options: LoadOptions = {},
): Promise<LoadedWithHistory> {
  if (bars === 0) {
    const loaded = await loadCandles(db, home, request, options);
    return { loaded, candles: loaded.candles, warmup: 0, warnings: [] };
  }
  const tf = request.timeframe as Timeframe;
  let reach = bars * 1.6 * TIMEFRAME_MS[tf] + 7 * MS_PER_DAY;
  let wide: LoadRequest;
  // The wide load, unless a warm cache answered with the bar times alone (the prices are then read once, for
  // the range finally used: ~40 MB per million bars not read twice).
  let loaded: LoadedCandles | undefined;
  let ts: Float64Array;
  let before: number;
  for (let attempt = 1; ; attempt++) {
    const from = alignUp(request.start - reach, tf);
    wide = { ...request, start: from, coverageStart: request.start };
    const times = await cachedBarTimes(db, home, wide, options);
    loaded = times ? undefined : await loadCandles(db, home, wide, options);
    ts = times ?? loaded!.candles.ts;
    before = countBefore(ts, request.start);
    const first = ts[0]!;
    // The source may hold more history only if its first bar is right at the requested start.
    const atEdge = first - from <= Math.max(3 * TIMEFRAME_MS[tf], 4 * MS_PER_DAY);
    if (before >= bars || !atEdge || attempt === TRIES) break;
    reach *= 3;
  }
  let warmup = Math.min(bars, before);
  const trim = before - warmup;
  if (trim > 0) {
    // Ask again for exactly the bars used, so the cache entry (and the features cached on it) holds them.
    const first = ts[trim]!;
    loaded = await loadCandles(db, home, { ...request, start: first, coverageStart: request.start }, options);
    warmup = countBefore(loaded.candles.ts, request.start);
  } else loaded ??= await loadCandles(db, home, wide, options);
  const warnings =
    warmup < bars
      ? [
          `warm-up: ${request.provider} has ${warmup} bar(s) before start (${new Date(request.start).toISOString()}) of the ${bars} asked for; ` +
            "indicators are undefined for the first bars of the run",
        ]
      : [];
  return { loaded, candles: loaded.candles, warmup, warnings };
}

function countBefore(ts: Float64Array, start: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
