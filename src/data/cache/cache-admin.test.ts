import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../store/db.js";
import { FeatureCacheRepo } from "../../store/repos/feature-cache-repo.js";
import { tempHome } from "../test-support/temp-home.js";
import { clearCache, listCache } from "./cache-admin.js";
import { loadCandles } from "./candle-cache.js";

const JAN = Date.parse("2024-01-01T00:00:00Z");
const DAY = 86_400_000;

async function filledHome() {
  const home = tempHome({ "pandas-daily.csv": "GOOG" });
  const db = openDatabase(home.db);
  const load = (provider: string, symbol: string, timeframe = "1d") =>
    loadCandles(db, home, { provider, symbol, timeframe, start: JAN, end: JAN + 20 * DAY });
  const a = await load("synthetic", "AAA");
  const b = await load("synthetic", "BBB");
  const c = await load("synthetic", "AAA", "4h");
  const g = await load("csv", "GOOG");
  // A feature file computed from AAA's daily candles, as the feature cache would record it.
  const featureRel = "cache/features/sma/f1.parquet";
  mkdirSync(path.join(home.featureCache, "sma"), { recursive: true });
  writeFileSync(path.join(home.root, featureRel), "feature");
  new FeatureCacheRepo(db).upsert({
    featureHash: "f1",
    name: "sma",
    paramsJson: "{}",
    candleHash: a.candleHash,
    rowCount: 1,
    createdAt: 1,
    path: featureRel,
    sizeBytes: 7,
  });
  return { home, db, a, b, c, g, featureFile: path.join(home.root, featureRel) };
}

describe("listCache", () => {
  it("lists every entry, or those of one provider and/or symbol", async () => {
    const { db } = await filledHome();
    expect(listCache(db).map((r) => `${r.provider}/${r.symbol}/${r.timeframe}`)).toEqual([
      "csv/GOOG/1d",
      "csv/GOOG/1d",
      "synthetic/AAA/1d",
      "synthetic/AAA/4h",
      "synthetic/BBB/1d",
    ]);
    expect(listCache(db, { provider: "csv" }).length, "the file's source entry and the range on it").toBe(2);
    expect(listCache(db, { symbol: "AAA" }).length).toBe(2);
  });
});

describe("clearCache", () => {
  it("removes one symbol's files and rows, with the features computed from them, and keeps the rest", async () => {
    const { db, home, a, b, c, g, featureFile } = await filledHome();
    const result = clearCache(db, home, { provider: "synthetic", symbol: "AAA" });
    expect(result).toMatchObject({ entries: 2, features: 1 });
    expect(result.bytes).toBeGreaterThan(0);
    expect(
      [a.path, c.path, featureFile].map((f) => existsSync(f)),
      "files removed",
    ).toEqual([false, false, false]);
    expect(
      [b.path, g.path].map((f) => existsSync(f)),
      "others kept",
    ).toEqual([true, true]);
    expect(new FeatureCacheRepo(db).list(), "feature rows cascade").toEqual([]);
    expect(existsSync(path.join(home.candleCache, "synthetic", "AAA")), "empty folders pruned").toBe(false);
  });

  it("clears a whole provider, sweeping stray files an interrupted write left", async () => {
    const { db, home, g } = await filledHome();
    const stray = path.join(home.candleCache, "synthetic", "BBB", "1d", ".tmp-x.parquet.abc");
    writeFileSync(stray, "partial");
    const orphan = path.join(home.candleCache, "synthetic", "ZZZ", "1d", "deadbeef.parquet");
    mkdirSync(path.dirname(orphan), { recursive: true });
    writeFileSync(orphan, "orphan");
    expect(clearCache(db, home, { provider: "synthetic" }).entries).toBe(3);
    expect(existsSync(stray) || existsSync(orphan), "strays swept").toBe(false);
    expect(listCache(db).map((r) => r.provider)).toEqual(["csv", "csv"]);
    expect(existsSync(g.path)).toBe(true);
  });

  it("clears everything without a filter", async () => {
    const { db, home } = await filledHome();
    expect(clearCache(db, home).entries).toBe(5);
    expect(listCache(db)).toEqual([]);
  });

  it("refuses a filter that is not a plain name", async () => {
    const { db, home } = await filledHome();
    expect(() => clearCache(db, home, { symbol: "../../etc" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID" }),
    );
  });
});
