import { describe, expect, it } from "vitest";
import { parseCandleRequest } from "./request.js";

const OK = { symbol: "BTC-USD", timeframe: "1h", start: 0, end: 3_600_000 };

describe("parseCandleRequest", () => {
  it("accepts a plain symbol, a known timeframe and an inclusive range", () => {
    expect(parseCandleRequest(OK)).toEqual(OK);
    expect(parseCandleRequest({ ...OK, end: 0 }), "start = end is one bar").toEqual({ ...OK, end: 0 });
  });

  it("rejects paths, unknown timeframes, fractional times, reversed and oversized ranges with CONFIG_INVALID", () => {
    const bad: [object, RegExp][] = [
      [{ symbol: "../x" }, /symbol: expected a symbol name.*\(got "..\/x"\)/],
      [{ symbol: "a/b" }, /symbol:/],
      [{ timeframe: "2d" }, /unknown timeframe "2d"; valid: 1m, 3m/],
      [{ start: 0.5 }, /start: expected integer epoch ms \(got 0.5\)/],
      [{ start: 10, end: 5 }, /start: start is after end \(5\) \(got 10\)/],
      [{ timeframe: "1m", end: 60_000 * 20_000_000 }, /range spans 20000001 1m bars; the limit is 10000000/],
    ];
    for (const [patch, message] of bad) {
      expect(() => parseCandleRequest({ ...OK, ...patch }), JSON.stringify(patch)).toThrow(message);
    }
  });
});
