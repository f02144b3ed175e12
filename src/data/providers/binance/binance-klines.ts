/**
 * @module data/providers/binance/binance-klines
 * Binance's kline wire format and its mapping into candle columns. A kline is an array
 * `[openTime, "open", "high", "low", "close", "volume", closeTime, "quoteAssetVolume", trades, ...]` with
 * prices as decimal strings (https://developers.binance.com/docs/binance-spot-api-docs/rest-api, "Kline/
 * Candlestick data"). The wire schema lives here so nothing else knows the vendor's shape. vwap is the quote
 * volume over the base volume (the close when nothing traded). Rows with non-positive or inconsistent prices are
 * dropped and counted: the exchange's data cannot be fixed by the user, and one bad bar should not lose a year.
 */
import { z } from "zod";
import { StudioError } from "../../../core/errors.js";
import type { CandleBuilder } from "../../candle-builder.js";

const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const BinanceKline = z
  .tuple([z.number().int(), Decimal, Decimal, Decimal, Decimal, Decimal, z.number().int(), Decimal])
  .rest(z.unknown());
export const BinanceKlines = z.array(BinanceKline);

export interface KlinePage {
  /** Klines in the response (before filtering). */
  readonly received: number;
  /** Open time of the last kline received, or NaN for an empty page. */
  readonly lastOpen: number;
  readonly rejected: number;
  /** Open time of the last kline appended, or `filter.after` when none was. */
  readonly lastAppended: number;
}

export interface KlineFilter {
  readonly start: number;
  readonly end: number;
  /** Bars opening at or after this are still forming and are skipped. */
  readonly openBefore: number;
  /** Only bars after this open time are appended (guards against overlapping pages). */
  readonly after: number;
}

export function appendKlines(builder: CandleBuilder, body: unknown, f: KlineFilter): KlinePage {
  const parsed = BinanceKlines.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StudioError(
      "DATA_INVALID",
      `binance: unexpected kline format at [${issue.path.join("][")}]: ${issue.message}`,
    );
  }
  let rejected = 0;
  let after = f.after;
  for (const k of parsed.data) {
    const ts = k[0];
    if (ts < f.start || ts > f.end || ts >= f.openBefore || ts <= after) continue;
    const [open, high, low, close, volume, quote] = [k[1], k[2], k[3], k[4], k[5], k[7]].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const valid =
      open > 0 && low > 0 && close > 0 && high >= Math.max(open, close) && low <= Math.min(open, close);
    if (!valid || volume < 0) {
      rejected++;
      continue;
    }
    builder.push(ts, open, high, low, close, volume, volume > 0 ? quote / volume : close);
    after = ts;
  }
  const last = parsed.data[parsed.data.length - 1];
  return {
    received: parsed.data.length,
    lastOpen: last ? last[0] : Number.NaN,
    rejected,
    lastAppended: after,
  };
}
