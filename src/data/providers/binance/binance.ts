/**
 * @module data/providers/binance/binance
 * The `binance` provider: public spot klines (no API key) from `GET {base}/api/v3/klines`, paged forward in
 * time 1000 bars per request. Every studio timeframe is a Binance interval (BINANCE_INTERVALS). The base
 * URL is `STUDIO_BINANCE_URL` or https://api.binance.com. Bars still forming are left out (a backtest must not
 * see a bar's close before it happened), so a range reaching "now" has a source version that moves with each new
 * bar, and the cache refetches it then; a range entirely in the past is immutable and cached for good.
 */
import { z } from "zod";
import { quote, StudioError } from "../../../core/errors.js";
import { alignDown, nextBarTime, TIMEFRAME_MS, type Timeframe } from "../../../core/timeframe.js";
import { throwIfCancelled } from "../../cancel.js";
import { CandleBuilder } from "../../candle-builder.js";
import type { CandleProvider, CandleRequest, ProviderDef } from "../../provider.js";
import { appendKlines } from "./binance-klines.js";
import { getJsonWithRetry, HttpClientError, type Sleep } from "./http-retry.js";

export const BINANCE_DEFAULT_URL = "https://api.binance.com";
const VERSION = "binance-spot-v1";
const PAGE = 1000;

/** Binance kline intervals per studio timeframe (Binance also has 8h, which the studio does not). */
export const BINANCE_INTERVALS: Readonly<Record<Timeframe, string>> = {
  "1m": "1m",
  "3m": "3m",
  "5m": "5m",
  "15m": "15m",
  "30m": "30m",
  "1h": "1h",
  "2h": "2h",
  "4h": "4h",
  "6h": "6h",
  "12h": "12h",
  "1d": "1d",
  "3d": "3d",
  "1w": "1w",
  "1M": "1M",
};

export interface BinanceOptions {
  readonly baseUrl: string;
  readonly maxRetries?: number;
  readonly retryBaseMs?: number;
  readonly maxRetryDelayMs?: number;
  readonly timeoutMs?: number;
  /** The clock that decides which bars are finished; injectable for tests. */
  readonly now?: () => number;
  /** The wait between retries; injectable so tests check the schedule without waiting it out. */
  readonly sleep?: Sleep;
}

/** Constant for a range whose last bar has closed; otherwise tied to the bar forming now. */
function versionAt(request: CandleRequest, now: number): string {
  const lastBar = alignDown(request.end, request.timeframe);
  if (nextBarTime(lastBar, request.timeframe) <= now) return VERSION;
  return `${VERSION}@open-bar-${alignDown(now, request.timeframe)}`;
}

export function createBinanceProvider(options: BinanceOptions): CandleProvider {
  const base = options.baseUrl.replace(/\/+$/, "");
  const now = options.now ?? Date.now;
  const retry = {
    maxRetries: options.maxRetries ?? 4,
    baseDelayMs: options.retryBaseMs ?? 500,
    maxDelayMs: options.maxRetryDelayMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 15_000,
    label: "binance",
    ...(options.sleep ? { sleep: options.sleep } : {}),
  };
  return {
    name: "binance",
    incremental: true,
    sourceVersion: async (request) => versionAt(request, now()),
    async fetch(request, ctx) {
      const clock = now();
      const step = TIMEFRAME_MS[request.timeframe];
      const symbol = request.symbol.toUpperCase();
      const rows = new CandleBuilder(
        Math.min(PAGE * 4, Math.floor((request.end - request.start) / step) + 1),
        true,
      );
      let cursor = request.start;
      let rejected = 0;
      let appended = Number.NEGATIVE_INFINITY;
      for (;;) {
        throwIfCancelled(ctx.signal);
        const url = `${base}/api/v3/klines?symbol=${encodeURIComponent(symbol)}&interval=${BINANCE_INTERVALS[request.timeframe]}&startTime=${cursor}&endTime=${request.end}&limit=${PAGE}`;
        const body = await get(url, { ...retry, ...(ctx.signal ? { signal: ctx.signal } : {}) }, symbol);
        const page = appendKlines(rows, body, {
          start: request.start,
          end: request.end,
          // A bar is finished once the next one has opened (months: the current month's bar is forming).
          openBefore: request.timeframe === "1M" ? alignDown(clock, "1M") : clock - step + 1,
          after: appended,
        });
        rejected += page.rejected;
        appended = page.lastAppended;
        const covered = Number.isNaN(page.lastOpen)
          ? 1
          : (page.lastOpen - request.start) / Math.max(1, request.end - request.start);
        ctx.onProgress?.({ bars: rows.length, ratio: Math.min(1, Math.max(0, covered)) });
        if (page.received < PAGE) break;
        const next = nextBarTime(page.lastOpen, request.timeframe);
        if (!(next > cursor) || next > request.end) break;
        cursor = next;
      }
      return {
        candles: rows.build(),
        rawSourceVersion: versionAt(request, clock),
        report: { rowsRejected: rejected },
      };
    },
  };
}

async function get(
  url: string,
  retry: Parameters<typeof getJsonWithRetry>[1],
  symbol: string,
): Promise<unknown> {
  try {
    return await getJsonWithRetry(url, retry);
  } catch (err) {
    if (!(err instanceof HttpClientError)) throw err;
    const body = (err.body ?? {}) as { code?: number; msg?: string };
    if (body.code === -1121) {
      throw new StudioError(
        "DATA_NOT_FOUND",
        `binance: unknown symbol ${quote(symbol)} (${body.msg ?? "Invalid symbol."})`,
      );
    }
    const detail = body.msg ? `${body.code}: ${body.msg}` : quote(err.body);
    throw new StudioError(
      "PROVIDER_UNAVAILABLE",
      `binance: request refused with HTTP ${err.status} (${detail})`,
    );
  }
}

const schema = z.strictObject({
  base_url: z
    .url()
    .optional()
    .describe("API base URL; default $STUDIO_BINANCE_URL or https://api.binance.com."),
  max_retries: z.int().min(0).max(10).default(4).describe("Retries on network errors, 429/418 and 5xx."),
  retry_base_ms: z.int().min(0).max(60_000).default(500).describe("First backoff delay; doubles per retry."),
  timeout_ms: z.int().min(100).max(120_000).default(15_000).describe("Per-request timeout."),
});

export const binance: ProviderDef<typeof schema> = {
  name: "binance",
  summary: "Binance public spot klines over HTTP (no key), paged, with retry and backoff.",
  schema,
  create: (p) =>
    createBinanceProvider({
      baseUrl: p.base_url ?? process.env.STUDIO_BINANCE_URL ?? BINANCE_DEFAULT_URL,
      maxRetries: p.max_retries,
      retryBaseMs: p.retry_base_ms,
      timeoutMs: p.timeout_ms,
    }),
};
