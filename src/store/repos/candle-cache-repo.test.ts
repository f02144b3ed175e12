import { describe, expect, it } from "vitest";
import { openTempDb } from "../test-support/temp-db.js";
import { CandleCacheRepo, type CandleCacheRow } from "./candle-cache-repo.js";
import { FeatureCacheRepo, type FeatureCacheRow } from "./feature-cache-repo.js";

function candleRow(candleHash: string, over: Partial<CandleCacheRow> = {}): CandleCacheRow {
  return {
    candleHash,
    provider: "synthetic",
    symbol: "SYN",
    timeframe: "1h",
    start: 0,
    end: 3_600_000,
    rowCount: 2,
    createdAt: 10,
    path: `cache/candles/synthetic/SYN/1h/${candleHash}.parquet`,
    sizeBytes: 1234,
    qualityJson: '{"bars":2}',
    ...over,
  };
}

function featureRow(featureHash: string, candleHash: string): FeatureCacheRow {
  return {
    featureHash,
    name: "sma",
    paramsJson: '{"period":3}',
    candleHash,
    rowCount: 2,
    createdAt: 20,
    path: `cache/features/sma/${featureHash}.parquet`,
    sizeBytes: 99,
  };
}

describe("CandleCacheRepo", () => {
  it("upserts, gets and filters rows by provider and symbol", () => {
    const repo = new CandleCacheRepo(openTempDb());
    repo.upsert(candleRow("h1"));
    repo.upsert(candleRow("h2", { provider: "csv", symbol: "GOOG" }));
    repo.upsert(candleRow("h1", { rowCount: 3, sizeBytes: 2000 }));
    expect(repo.get("h1")).toEqual(candleRow("h1", { rowCount: 3, sizeBytes: 2000 }));
    expect(repo.list().map((r) => r.candleHash)).toEqual(["h2", "h1"]);
    expect(repo.list({ provider: "csv" }).map((r) => r.candleHash)).toEqual(["h2"]);
    expect(repo.list({ symbol: "SYN" }).map((r) => r.candleHash)).toEqual(["h1"]);
    expect(repo.list({ provider: "csv", symbol: "SYN" })).toEqual([]);
  });

  it("finds rows for the same request under another source version", () => {
    const repo = new CandleCacheRepo(openTempDb());
    repo.upsert(candleRow("old"));
    repo.upsert(candleRow("other-range", { end: 7_200_000 }));
    const fresh = candleRow("new");
    expect(repo.superseded(fresh).map((r) => r.candleHash)).toEqual(["old"]);
  });

  it("cascades a candle row's deletion to the features computed from it", () => {
    const db = openTempDb();
    const candles = new CandleCacheRepo(db);
    const features = new FeatureCacheRepo(db);
    candles.upsert(candleRow("h1"));
    candles.upsert(candleRow("h2"));
    features.upsert(featureRow("f1", "h1"));
    features.upsert(featureRow("f2", "h1"));
    features.upsert(featureRow("f3", "h2"));
    expect(features.listByCandle("h1").map((f) => f.featureHash)).toEqual(["f1", "f2"]);
    expect(candles.delete("h1")).toBe(true);
    expect(
      features.list().map((f) => f.featureHash),
      "features of h1 go with it",
    ).toEqual(["f3"]);
    expect(features.get("f3")).toEqual(featureRow("f3", "h2"));
  });

  it("refuses a feature row whose candle row does not exist", () => {
    const features = new FeatureCacheRepo(openTempDb());
    expect(() => features.upsert(featureRow("f1", "nope"))).toThrow(/FOREIGN KEY constraint failed/);
  });

  it("deletes a feature row on its own", () => {
    const db = openTempDb();
    new CandleCacheRepo(db).upsert(candleRow("h1"));
    const features = new FeatureCacheRepo(db);
    features.upsert(featureRow("f1", "h1"));
    expect(features.delete("f1")).toBe(true);
    expect(features.delete("f1")).toBe(false);
  });
});
