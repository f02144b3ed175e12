import { describe, expect, it } from "vitest";
import { alignDown, TIMEFRAMES } from "../../../core/timeframe.js";
import { createSyntheticProvider } from "./synthetic.js";
import { generateSynthetic } from "./synthetic-generator.js";
import { weekdayUtc } from "./synthetic-grid.js";
import { symbolSeed, syntheticMarket } from "./synthetic-market.js";

const JAN = Date.parse("2024-01-01T00:00:00Z");
const DAY = 86_400_000;

function logReturns(close: Float64Array): number[] {
  const r: number[] = [];
  for (let i = 1; i < close.length; i++) r.push(Math.log(close[i]! / close[i - 1]!));
  return r;
}

describe("synthetic generator", () => {
  it("gives the same bytes for the same request", () => {
    const req = { symbol: "SYN", timeframe: "5m" as const, start: JAN, end: JAN + 3 * DAY };
    const a = generateSynthetic(req);
    const b = generateSynthetic(req);
    for (const k of ["ts", "open", "high", "low", "close", "volume"] as const) {
      expect(Buffer.from(a[k].buffer).equals(Buffer.from(b[k].buffer)), `${k} identical`).toBe(true);
    }
  });

  it("keeps every bar on the grid, inside [start, end] inclusive, with valid positive OHLC", () => {
    for (const timeframe of TIMEFRAMES) {
      const start = JAN + 7 * 60_000;
      const end = JAN + 400 * DAY;
      const c = generateSynthetic({ symbol: "GRID", timeframe, start, end });
      expect(c.ts.length, `${timeframe} has bars`).toBeGreaterThan(10);
      // Up to half a million bars per timeframe: check in a plain loop and fail once, at the first bad bar.
      for (let i = 0; i < c.ts.length; i++) {
        const [o, h, l, cl, v] = [c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!];
        const ok = l > 0 && l <= Math.min(o, cl) && Math.max(o, cl) <= h && v > 0 && Number.isFinite(h);
        if (!ok) expect.fail(`${timeframe} bar ${i}: o=${o} h=${h} l=${l} c=${cl} v=${v}`);
        if (alignDown(c.ts[i]!, timeframe) !== c.ts[i])
          expect.fail(`${timeframe} bar ${i} at ${c.ts[i]} is off the grid`);
        if (i > 0 && !(c.ts[i]! > c.ts[i - 1]!))
          expect.fail(`${timeframe} bar ${i} does not follow bar ${i - 1}`);
      }
      expect(c.ts[0]! >= start && c.ts[c.ts.length - 1]! <= end, `${timeframe} within range`).toBe(true);
    }
  });

  it("includes bars exactly at start and end", () => {
    const c = generateSynthetic({ symbol: "SYN", timeframe: "1h", start: JAN, end: JAN + 5 * 3_600_000 });
    expect(c.ts.length).toBe(6);
    expect([c.ts[0], c.ts[5]]).toEqual([JAN, JAN + 5 * 3_600_000]);
  });

  it("skips weekends for 1d, runs 24/7 intraday and opens 1w bars on Mondays", () => {
    const daily = generateSynthetic({ symbol: "SYN", timeframe: "1d", start: JAN, end: JAN + 27 * DAY });
    expect(daily.ts.length, "4 weeks of weekdays").toBe(20);
    expect(Array.from(daily.ts).every((t) => weekdayUtc(t) >= 1 && weekdayUtc(t) <= 5)).toBe(true);
    const hourly = generateSynthetic({ symbol: "SYN", timeframe: "1h", start: JAN, end: JAN + 7 * DAY - 1 });
    expect(hourly.ts.length, "intraday includes the weekend").toBe(7 * 24);
    const weekly = generateSynthetic({ symbol: "SYN", timeframe: "1w", start: JAN, end: JAN + 70 * DAY });
    expect(Array.from(weekly.ts).every((t) => weekdayUtc(t) === 1 && t % DAY === 0)).toBe(true);
  });

  it("returns no bars for a daily range that is only a weekend", () => {
    const sat = Date.parse("2024-01-06T00:00:00Z");
    expect(generateSynthetic({ symbol: "SYN", timeframe: "1d", start: sat, end: sat + DAY }).ts.length).toBe(
      0,
    );
  });

  it("treats different symbols as independent markets and agrees on the prefix of a longer range", () => {
    const a = generateSynthetic({ symbol: "AAA", timeframe: "1h", start: JAN, end: JAN + 10 * DAY });
    const b = generateSynthetic({ symbol: "BBB", timeframe: "1h", start: JAN, end: JAN + 10 * DAY });
    expect(a.close[10]).not.toBe(b.close[10]);
    expect(symbolSeed("AAA")).not.toBe(symbolSeed("BBB"));
    const longer = generateSynthetic({ symbol: "AAA", timeframe: "1h", start: JAN, end: JAN + 20 * DAY });
    expect(Array.from(longer.close.subarray(0, a.ts.length))).toEqual(Array.from(a.close));
  });

  it("has fat tails, volatility clustering and roughly the market's annual volatility", () => {
    const c = generateSynthetic({ symbol: "SYN", timeframe: "1h", start: JAN, end: JAN + 3 * 365 * DAY });
    const r = logReturns(c.close);
    const mean = r.reduce((s, x) => s + x, 0) / r.length;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / (r.length - 1));
    const kurtosis = r.reduce((s, x) => s + (x - mean) ** 4, 0) / r.length / sd ** 4;
    expect(kurtosis, "a normal has kurtosis 3; markets have more").toBeGreaterThan(5);
    const abs = r.map(Math.abs);
    const am = abs.reduce((s, x) => s + x, 0) / abs.length;
    let num = 0;
    let den = 0;
    for (let i = 0; i < abs.length; i++) {
      den += (abs[i]! - am) ** 2;
      if (i > 0) num += (abs[i]! - am) * (abs[i - 1]! - am);
    }
    expect(num / den, "big moves follow big moves: |r| is autocorrelated").toBeGreaterThan(0.05);
    const annual = sd * Math.sqrt(365.25 * 24);
    const target = syntheticMarket("SYN").volatility;
    expect(annual / target, `annual vol ${annual} vs ${target}`).toBeGreaterThan(0.6);
    expect(annual / target).toBeLessThan(1.5);
  });

  it("trades more at the start and end of the UTC day than mid-day", () => {
    const c = generateSynthetic({ symbol: "SYN", timeframe: "1h", start: JAN, end: JAN + 365 * DAY });
    const byHour = new Float64Array(24);
    for (let i = 0; i < c.ts.length; i++) byHour[new Date(c.ts[i]!).getUTCHours()]! += c.volume[i]!;
    expect(byHour[0]! > 1.5 * byHour[12]! && byHour[23]! > 1.5 * byHour[12]!, "U-shaped volume").toBe(true);
  });
});

describe("synthetic provider", () => {
  it("reports the generator version as its source version, before and after fetching", async () => {
    const p = createSyntheticProvider();
    const req = { symbol: "SYN", timeframe: "1d" as const, start: JAN, end: JAN + 30 * DAY };
    const ctx = { home: { root: "/nowhere" } as never };
    const out = await p.fetch(req, ctx);
    expect(out.rawSourceVersion).toBe(await p.sourceVersion(req, ctx));
    expect(out.candles.ts.length, "January 2024 has 23 weekdays").toBe(23);
  });

  it("stops with CANCELLED when the signal is already aborted", async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const req = { symbol: "SYN", timeframe: "1d" as const, start: JAN, end: JAN + DAY };
    await expect(
      createSyntheticProvider().fetch(req, { home: {} as never, signal: ctrl.signal }),
    ).rejects.toMatchObject({ code: "CANCELLED" });
  });
});
