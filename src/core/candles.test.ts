import { describe, expect, it } from "vitest";
import { candlesBetween } from "./candles.js";

const ts = [10, 20, 30, 40];
const candles = {
  ts: Float64Array.from(ts),
  open: Float64Array.from([1, 2, 3, 4]),
  high: Float64Array.from([1, 2, 3, 4]),
  low: Float64Array.from([1, 2, 3, 4]),
  close: Float64Array.from([1, 2, 3, 4]),
  volume: Float64Array.from([1, 2, 3, 4]),
};

describe("candlesBetween", () => {
  it("keeps the bars with start <= ts <= end, both ends inclusive", () => {
    expect([...candlesBetween(candles, 20, 30).ts]).toEqual([20, 30]);
    expect([...candlesBetween(candles, 15, 35).close], "bounds between bars").toEqual([2, 3]);
    expect([...candlesBetween(candles, 0, 100).ts], "a range wider than the data").toEqual(ts);
  });

  it("gives no bars for a range outside the data or an empty one", () => {
    expect(candlesBetween(candles, 41, 50).ts.length).toBe(0);
    expect(candlesBetween(candles, 0, 9).ts.length).toBe(0);
    expect(candlesBetween(candles, 31, 39).ts.length).toBe(0);
  });
});
