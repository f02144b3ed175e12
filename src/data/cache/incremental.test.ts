import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../store/db.js";
import { type FakeBinance, klineRows, startFakeBinance } from "../test-support/fake-binance.js";
import { tempHome } from "../test-support/temp-home.js";
import { loadCandles } from "./candle-cache.js";

const H = 3_600_000;
const T0 = Date.parse("2024-01-01T00:00:00Z");
let server: FakeBinance;
const saved = process.env.STUDIO_BINANCE_URL;

beforeEach(async () => {
  server = await startFakeBinance({ BTCUSDT: klineRows(T0, 3000, "1h") });
  process.env.STUDIO_BINANCE_URL = server.url;
});
afterEach(async () => {
  await server.close();
  if (saved === undefined) delete process.env.STUDIO_BINANCE_URL;
  else process.env.STUDIO_BINANCE_URL = saved;
});

describe("incremental binance cache", () => {
  it("fetches only the bars a cached overlapping range lacks, and none for a range it holds", async () => {
    const home = tempHome();
    const db = openDatabase(home.db);
    const load = (start: number, end: number) =>
      loadCandles(db, home, { provider: "binance", symbol: "BTCUSDT", timeframe: "1h", start, end });
    const first = await load(T0, T0 + 999 * H);
    expect(first.candles.ts.length).toBe(1000);
    expect(server.requests.length, "one page of 1000").toBe(1);

    const later = await load(T0 + 500 * H, T0 + 1499 * H);
    expect(server.requests.length, "one more request, for the missing part only").toBe(2);
    expect(server.requests[1]!.searchParams.get("startTime"), "starting after the cached bars").toBe(
      String(T0 + 1000 * H),
    );
    const ts = later.candles.ts;
    expect(ts.length).toBe(1000);
    let bad = -1;
    for (let i = 0; i < ts.length && bad < 0; i++) {
      // klineRows: bar k (from T0) closes at 100 + k + 0.5.
      const k = 500 + i;
      if (ts[i] !== T0 + k * H || later.candles.close[i] !== 100 + k + 0.5) bad = i;
    }
    expect(bad, "cached and fetched bars join seamlessly, in order").toBe(-1);
    expect(later.fromCache).toBe(false);

    const inside = await load(T0 + 100 * H, T0 + 200 * H);
    expect(server.requests.length, "a range the cache holds needs no request").toBe(2);
    expect(inside.candles.ts.length).toBe(101);
    expect(inside.candles.close[0]).toBe(200.5);

    const before = await load(T0 - 50 * H, T0 + 10 * H);
    expect(server.requests.length, "the part before the cached bars only").toBe(3);
    expect(server.requests[2]!.searchParams.get("endTime")).toBe(String(T0 - 1));
    expect(before.candles.ts.length, "no bars exist before T0").toBe(11);
    db.close();
  });
});
