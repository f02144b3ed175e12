import { afterEach, describe, expect, it } from "vitest";
import { type FakeBinance, klineRows, startFakeBinance } from "../../test-support/fake-binance.js";
import { createBinanceProvider } from "./binance.js";
import { abortableSleep } from "./http-retry.js";

const H = 3_600_000;
const T0 = Date.parse("2024-01-01T00:00:00Z");
const LATER = T0 + 10_000 * H;
const ctx = { home: {} as never };
let server: FakeBinance | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function provider(url: string, over: Partial<Parameters<typeof createBinanceProvider>[0]> = {}) {
  return createBinanceProvider({ baseUrl: url, retryBaseMs: 1, maxRetries: 3, now: () => LATER, ...over });
}

describe("binance provider", () => {
  it("pages through 2500 hourly klines 1000 at a time and maps them to candle columns", async () => {
    server = await startFakeBinance({ BTCUSDT: klineRows(T0, 2500, "1h") });
    const out = await provider(server.url).fetch(
      { symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + 2499 * H },
      ctx,
    );
    expect(out.candles.ts.length).toBe(2500);
    expect(server.requests.length, "3 pages").toBe(3);
    expect(server.requests.map((u) => u.searchParams.get("startTime"))).toEqual([
      String(T0),
      String(T0 + 1000 * H),
      String(T0 + 2000 * H),
    ]);
    expect(server.requests[0]!.searchParams.get("interval")).toBe("1h");
    expect(server.requests[0]!.searchParams.get("limit")).toBe("1000");
    expect([out.candles.open[1], out.candles.high[1], out.candles.low[1], out.candles.close[1]]).toEqual([
      101, 102.5, 100, 101.5,
    ]);
    expect(out.candles.vwap![1], "vwap = quote volume / volume").toBeCloseTo(101.2, 10);
    expect(Array.from(out.candles.ts.subarray(0, 2))).toEqual([T0, T0 + H]);
    expect(out.rawSourceVersion).toBe("binance-spot-v1");
  });

  it("keeps only bars inside [start, end] and drops the bar still forming", async () => {
    server = await startFakeBinance({ ETHUSDT: klineRows(T0, 10, "1h") });
    const now = T0 + 8 * H + 5;
    const out = await provider(server.url, { now: () => now }).fetch(
      { symbol: "ethusdt", timeframe: "1h", start: T0 + 2 * H, end: T0 + 20 * H },
      ctx,
    );
    expect(
      Array.from(out.candles.ts, (t) => (t - T0) / H),
      "bar 8 opened at now-5ms and is unfinished",
    ).toEqual([2, 3, 4, 5, 6, 7]);
    expect(server.requests[0]!.searchParams.get("symbol"), "symbols are sent upper-case").toBe("ETHUSDT");
    expect(out.rawSourceVersion, "a range reaching now is versioned by the forming bar").toBe(
      `binance-spot-v1@open-bar-${T0 + 8 * H}`,
    );
  });

  it("waits out a 429 (honouring Retry-After) and then succeeds", async () => {
    server = await startFakeBinance({ BTCUSDT: klineRows(T0, 5, "1h") }, (n) =>
      n === 1
        ? { status: 429, headers: { "retry-after": "1" }, body: { code: -1003, msg: "Too many" } }
        : undefined,
    );
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const out = await provider(server.url, { sleep }).fetch(
      { symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + 4 * H },
      ctx,
    );
    expect(out.candles.ts.length).toBe(5);
    expect(server.requests.length).toBe(2);
    expect(waits, "Retry-After: 1 means one wait of a second, longer than the 1 ms backoff").toEqual([1000]);
  });

  it("gives up on a 500 storm with PROVIDER_UNAVAILABLE after the configured retries", async () => {
    server = await startFakeBinance({ BTCUSDT: klineRows(T0, 5, "1h") }, () => ({ status: 500 }));
    await expect(
      provider(server.url).fetch({ symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + 4 * H }, ctx),
    ).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      message: expect.stringMatching(/unavailable after 4 attempts \(last: HTTP 500\)/),
    });
    expect(server.requests.length).toBe(4);
  });

  it("answers connection refused with PROVIDER_UNAVAILABLE naming the host", async () => {
    const gone = await startFakeBinance({});
    await gone.close();
    await expect(
      provider(gone.url, { maxRetries: 1 }).fetch(
        { symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + H },
        ctx,
      ),
    ).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      message: expect.stringContaining(`${gone.url} unavailable after 2 attempts (last: ECONNREFUSED)`),
    });
  });

  it("reports an unknown symbol as DATA_NOT_FOUND without retrying", async () => {
    server = await startFakeBinance({});
    await expect(
      provider(server.url).fetch({ symbol: "NOPE", timeframe: "1d", start: T0, end: T0 + 86_400_000 }, ctx),
    ).rejects.toMatchObject({ code: "DATA_NOT_FOUND", message: expect.stringContaining('"NOPE"') });
    expect(server.requests.length).toBe(1);
  });

  it("fails at once when Retry-After exceeds the longest wait it accepts", async () => {
    server = await startFakeBinance({}, () => ({ status: 418, headers: { "retry-after": "600" } }));
    await expect(
      provider(server.url).fetch({ symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + H }, ctx),
    ).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
      message: expect.stringMatching(/retry after 600 s/),
    });
    expect(server.requests.length).toBe(1);
  });

  it("counts and drops klines with inconsistent prices", async () => {
    const rows = klineRows(T0, 3, "1h");
    rows[1]![2] = "1"; // high below open
    server = await startFakeBinance({ BTCUSDT: rows });
    const out = await provider(server.url).fetch(
      { symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + 2 * H },
      ctx,
    );
    expect(out.candles.ts.length).toBe(2);
    expect(out.report.rowsRejected).toBe(1);
  });

  it("refuses a response that is not in the kline format", async () => {
    server = await startFakeBinance({ BTCUSDT: [[T0, 1, 2]] });
    await expect(
      provider(server.url).fetch({ symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + H }, ctx),
    ).rejects.toMatchObject({ code: "DATA_INVALID" });
  });

  it("stops with CANCELLED when aborted while waiting to retry", async () => {
    server = await startFakeBinance({}, () => ({ status: 503 }));
    const ctrl = new AbortController();
    const waits: number[] = [];
    // The abort arrives once the provider is waiting out the first backoff (an hour: only the abort ends it).
    const sleep = (ms: number, signal?: AbortSignal) => {
      waits.push(ms);
      const waiting = abortableSleep(ms, signal);
      ctrl.abort();
      return waiting;
    };
    const p = provider(server.url, { retryBaseMs: 3_600_000, maxRetryDelayMs: 3_600_000, sleep }).fetch(
      { symbol: "BTCUSDT", timeframe: "1h", start: T0, end: T0 + H },
      { home: {} as never, signal: ctrl.signal },
    );
    await expect(p).rejects.toMatchObject({ code: "CANCELLED" });
    expect(waits, "cancelled during the first wait").toEqual([3_600_000]);
    expect(server.requests.length, "no attempt after the abort").toBe(1);
  });
});
