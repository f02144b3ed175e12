import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, it } from "vitest";
import { engineCatalog } from "../engine/engine-catalog.js";
import { resolveIndicator } from "../indicators/features/resolve-indicator.js";
import { candlesFromCloses } from "../indicators/test-support/candles-from-closes.js";
import { resolveHome } from "../store/home.js";
import { decodeParquet } from "../store/parquet/parquet.js";
import { openStore, type Store } from "../store/store.js";
import { loadFeatures } from "./feature-cache.js";

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

function setup() {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "fc-")));
  const store = openStore(home.db);
  stores.push(store);
  store.candleCache.upsert({
    candleHash: "c1",
    provider: "synthetic",
    symbol: "S",
    timeframe: "1d",
    start: 0,
    end: 1,
    rowCount: 6,
    createdAt: 0,
    path: "x",
    sizeBytes: 1,
    qualityJson: "{}",
  });
  const candles = candlesFromCloses([1, 2, 3, 4, 5, 6]);
  const resolved = [
    resolveIndicator({ name: "sma", params: { period: 3 } }, engineCatalog(), "i"),
    resolveIndicator({ name: "sma", params: { period: 3 } }, engineCatalog(), "j"),
  ];
  return { home, store, candles, resolved };
}

describe("loadFeatures", () => {
  it("computes once, writes the documented feature Parquet with a cache row, then reads it back without computing", async () => {
    const { home, store, candles, resolved } = setup();
    const first = await loadFeatures(store, home, candles, "c1", resolved, () => 1);
    expect(
      first.hashes.map((h) => h.from_cache),
      "duplicate refs collapse to one indicator",
    ).toEqual([false]);
    const file = path.join(home.featureCache, "sma", `${first.hashes[0]!.feature_hash}.parquet`);
    const table = await decodeParquet(await readFile(file));
    expect(Object.keys(table.columns)).toEqual(["ts_utc", "sma_3", "raw_sma_3"]);
    // SMA(3) of 1..6 is NaN, NaN, 2, 3, 4, 5; the feature is that shifted one bar.
    expect(Array.from(table.columns.raw_sma_3 as Float64Array).slice(2)).toEqual([2, 3, 4, 5]);
    expect(Array.from(table.columns.sma_3 as Float64Array).slice(3)).toEqual([2, 3, 4]);
    expect(store.featureCache.get(first.hashes[0]!.feature_hash)?.rowCount).toBe(6);

    const second = await loadFeatures(store, home, candles, "c1", resolved, () => 2);
    expect(second.hashes[0]!.from_cache).toBe(true);
    expect(Array.from(second.features.frame.column("sma_3"))).toEqual(
      Array.from(first.features.frame.column("sma_3")),
    );
  });

  it("recomputes and reports a damaged cache file", async () => {
    const { home, store, candles, resolved } = setup();
    const first = await loadFeatures(store, home, candles, "c1", resolved, () => 1);
    const file = path.join(home.featureCache, "sma", `${first.hashes[0]!.feature_hash}.parquet`);
    writeFileSync(file, "garbage");
    const again = await loadFeatures(store, home, candles, "c1", resolved, () => 2);
    expect(again.hashes[0]!.from_cache).toBe(false);
    expect(again.warnings[0]).toMatch(/unreadable .* recomputed/);
    expect(readdirSync(path.dirname(file))).toHaveLength(1);
  });

  it("writes files DuckDB reads with a UTC timestamp ts_utc and DOUBLE features, warm-up rows null", async () => {
    const { home, store, candles, resolved } = setup();
    const { hashes } = await loadFeatures(store, home, candles, "c1", resolved, () => 1);
    const file = path.join(home.featureCache, "sma", `${hashes[0]!.feature_hash}.parquet`);
    const con = await (await DuckDBInstance.create(":memory:")).connect();
    const rows = await con.runAndReadAll(
      `select name, duckdb_type from parquet_schema('${file}') where type is not null`,
    );
    expect(rows.getRowObjects()).toEqual([
      { name: "ts_utc", duckdb_type: "TIMESTAMP WITH TIME ZONE" },
      { name: "sma_3", duckdb_type: "DOUBLE" },
      { name: "raw_sma_3", duckdb_type: "DOUBLE" },
    ]);
    const counts = await con.runAndReadAll(
      `select count(sma_3) as shifted, count(raw_sma_3) as raw from '${file}'`,
    );
    // 6 bars, SMA(3): raw defined from bar 2, the shifted copy from bar 3.
    expect(counts.getRowObjects()).toEqual([{ shifted: 3n, raw: 4n }]);
    con.closeSync();
  });
});
