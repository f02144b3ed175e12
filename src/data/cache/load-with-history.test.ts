import { truncateSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SYN_REQUEST, setupCache } from "../test-support/cache-setup.js";
import { loadWithHistory } from "./load-with-history.js";

const DAY = 86_400_000;
/** Five days into the synthetic range, asking for 50 hourly bars of history: the first load reaches a week back. */
const REQUEST = { ...SYN_REQUEST, start: SYN_REQUEST.start + 5 * DAY };
const BARS = 50;

const columns = (c: { ts: Float64Array; close: Float64Array; gapFlag: Uint8Array }) => ({
  ts: Array.from(c.ts),
  close: Array.from(c.close),
  gapFlag: Array.from(c.gapFlag),
});

describe("loadWithHistory", () => {
  it("serves a warm cache the same candles and warm-up as the cold load, without fetching", async () => {
    const { db, home, spy, repo } = setupCache();
    const load = () => loadWithHistory(db, home, REQUEST, BARS, { providers: spy.providers });
    const cold = await load();
    expect(cold.warmup, "exactly the bars asked for before start").toBe(BARS);
    expect(repo.list().length, "the wide entry and the exact one").toBe(2);
    const fetched = spy.fetches.synthetic;
    const warm = await load();
    expect(spy.fetches.synthetic, "a warm cache answers both loads").toBe(fetched);
    expect(warm.warmup).toBe(cold.warmup);
    expect(warm.loaded.candleHash).toBe(cold.loaded.candleHash);
    expect(warm.loaded.fromCache).toBe(true);
    expect(columns(warm.candles)).toEqual(columns(cold.candles));
  });

  it("falls back to the full load when the wide entry's file is damaged, with the same result", async () => {
    const { db, home, spy, repo } = setupCache();
    const load = () => loadWithHistory(db, home, REQUEST, BARS, { providers: spy.providers });
    const cold = await load();
    const wide = repo.list().reduce((a, b) => (a.start < b.start ? a : b));
    truncateSync(path.join(home.root, wide.path), 100);
    const fetched = spy.fetches.synthetic;
    const again = await load();
    expect(spy.fetches.synthetic, "the damaged wide entry is refetched, the exact one read").toBe(
      fetched + 1,
    );
    expect(again.warmup).toBe(cold.warmup);
    expect(columns(again.candles)).toEqual(columns(cold.candles));
  });
});
