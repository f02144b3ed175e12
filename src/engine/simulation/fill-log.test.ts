import { describe, expect, it } from "vitest";
import { FillLog } from "./fill-log.js";

describe("FillLog", () => {
  it("keeps every fill in order as its columns grow past their initial capacity", () => {
    const log = new FillLog();
    // 1000 fills: row i has bar i, side alternating, qty i + 1, price 2i, reason i % 5, book state 3i, 6i, 4i, 5i
    for (let i = 0; i < 1000; i++) {
      const r = log.append();
      const c = log.cols;
      [c.barIndex[r], c.ts[r], c.side[r], c.qty[r], c.price[r], c.reason[r]] = [
        i,
        i * 60_000,
        i % 2 ? -1 : 1,
        i + 1,
        2 * i,
        i % 5,
      ];
      [c.equityBefore[r], c.cashAfter[r], c.feesAfter[r], c.avgEntryAfter[r]] = [3 * i, 6 * i, 4 * i, 5 * i];
    }
    const f = log.fills();
    const s = log.bookState();
    expect(f.length).toBe(1000);
    expect(f.qty.length, "views are exact-length").toBe(1000);
    const rows = [0, 63, 64, 65, 999];
    expect(rows.map((i) => [f.barIndex[i], f.ts[i], f.side[i], f.qty[i], f.price[i], f.reason[i]])).toEqual(
      rows.map((i) => [i, i * 60_000, i % 2 ? -1 : 1, i + 1, 2 * i, i % 5]),
    );
    expect(rows.map((i) => [s.equityBefore[i], s.cashAfter[i], s.feesAfter[i], s.avgEntryAfter[i]])).toEqual(
      rows.map((i) => [3 * i, 6 * i, 4 * i, 5 * i]),
    );
  });

  it("returns empty columns when nothing was filled", () => {
    const f = new FillLog().fills();
    expect([f.length, f.barIndex.length, f.price.length]).toEqual([0, 0, 0]);
  });
});
