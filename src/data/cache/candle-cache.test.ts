import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { candleHash } from "../../core/hashes.js";
import { openDatabase } from "../../store/db.js";
import { SYNTHETIC_VERSION } from "../providers/synthetic/synthetic-generator.js";
import { SYN_REQUEST, setupCache } from "../test-support/cache-setup.js";
import { spyProviders } from "../test-support/spy-providers.js";
import { tempHome } from "../test-support/temp-home.js";
import { loadCandles } from "./candle-cache.js";
import { SOURCE_START } from "./whole-source.js";

const JAN = Date.parse("2024-01-01T00:00:00Z");
const DAY = 86_400_000;
const SYN = SYN_REQUEST;
const setup = setupCache;

describe("loadCandles", () => {
  it("writes a miss to the documented layout with a candle_cache row, then serves the same request from the cache", async () => {
    const { home, spy, load, repo } = setup();
    const first = await load();
    const hash = candleHash({ ...SYN, rawSourceVersion: SYNTHETIC_VERSION });
    expect(first.fromCache).toBe(false);
    expect(first.candleHash).toBe(hash);
    expect(first.path).toBe(path.join(home.root, "cache/candles/synthetic/SYN/1h", `${hash}.parquet`));
    const row = repo.get(hash)!;
    expect(row).toMatchObject({ rowCount: 241, path: `cache/candles/synthetic/SYN/1h/${hash}.parquet` });
    expect(row.sizeBytes).toBe(statSync(first.path).size);
    expect(JSON.parse(row.qualityJson)).toEqual(first.report);

    const second = await load();
    expect(second.fromCache, "the same request is a cache hit").toBe(true);
    expect(spy.fetches.synthetic, "a hit never calls the provider's fetch").toBe(1);
    expect(Array.from(second.candles.close)).toEqual(Array.from(first.candles.close));
    expect(Array.from(second.candles.gapFlag)).toEqual(Array.from(first.candles.gapFlag));
    expect(second.report).toEqual(first.report);
  });

  it("produces byte-identical cache files for the same request in two homes", async () => {
    const a = await setup().load();
    const b = await setup().load();
    const digest = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
    expect(digest(a.path)).toBe(digest(b.path));
  });

  it("flags gaps and reports them: weekends in daily CSV data", async () => {
    const { load } = setup({ "pandas-daily.csv": "GOOG" });
    const out = await load({
      provider: "csv",
      symbol: "GOOG",
      timeframe: "1d",
      start: JAN,
      end: JAN + 30 * DAY,
    });
    expect(Array.from(out.candles.gapFlag), "Monday 2024-01-08 follows Friday").toEqual([0, 0, 0, 0, 1, 0]);
    expect(out.report).toEqual({
      bars: 6,
      gaps: 1,
      largest_gap_ms: 3 * DAY,
      duplicates_dropped: 0,
      conflicting_duplicates: 0,
      rows_rejected: 0,
      unsorted_fixed: 0,
      warnings: [
        "csv GOOG: the data covers only 2024-01-02 to 2024-01-09 (6 bars) of the requested 2024-01-01 to 2024-01-31 (up to 31 1d grid bars); bars are missing at the end",
      ],
    });
    expect(out.warnings, "the run's warnings say it too").toEqual(out.report.warnings);
  });

  it("carries the provider's repair counts into the report and its warnings", async () => {
    const { load } = setup({ "unsorted-duplicates.csv": "EURUSD" });
    const out = await load({
      provider: "csv",
      symbol: "EURUSD",
      timeframe: "1h",
      start: JAN,
      end: JAN + DAY,
    });
    expect(out.report).toMatchObject({
      bars: 4,
      gaps: 1,
      largest_gap_ms: 3 * 3_600_000,
      duplicates_dropped: 2,
    });
    expect(out.report).toMatchObject({ conflicting_duplicates: 1, unsorted_fixed: 4 });
    expect(out.warnings.join("\n")).toMatch(/repeat a timestamp/);
  });

  it("refetches an edited CSV and removes the entry it supersedes", async () => {
    const { home, load, repo } = setup({ "yahoo.csv": "ACME" });
    const req = { provider: "csv", symbol: "ACME", timeframe: "1d", start: JAN, end: JAN + 10 * DAY };
    const before = await load(req);
    writeFileSync(
      path.join(home.data, "ACME.csv"),
      "Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,2,5\n",
    );
    const after = await load(req);
    expect(after.fromCache, "an edited file is a new source version").toBe(false);
    expect(after.candleHash).not.toBe(before.candleHash);
    expect(after.candles.close[0]).toBe(2);
    const rows = repo.list();
    expect(
      rows.map((r) => r.candleHash),
      "the old entries are superseded",
    ).not.toContain(before.candleHash);
    expect(rows.map((r) => r.candleHash)).toContain(after.candleHash);
    expect(rows.length, "the new source entry and the range on it").toBe(2);
    expect(() => statSync(before.path), "and the old file is gone").toThrow();
  });

  it("answers a range without bars with DATA_NOT_FOUND and caches nothing", async () => {
    const { load, repo } = setup({ "pandas-daily.csv": "GOOG" });
    const sat = Date.parse("2024-01-06T00:00:00Z");
    await expect(load({ ...SYN, timeframe: "1d", start: sat, end: sat + DAY })).rejects.toMatchObject({
      code: "DATA_NOT_FOUND",
      message: expect.stringMatching(/synthetic: no 1d bars for "SYN" between 2024-01-06/),
    });
    await expect(
      load({ provider: "csv", symbol: "GOOG", timeframe: "1d", start: 0, end: DAY }),
    ).rejects.toMatchObject({
      code: "DATA_NOT_FOUND",
      message: expect.stringMatching(
        /the source's 6 bar\(s\) run from 2024-01-02T00:00:00.000Z to 2024-01-09/,
      ),
    });
    expect(
      repo.list().map((r) => [r.provider, r.start]),
      "only the parsed file is cached (for the next range), no entry for the empty range",
    ).toEqual([["csv", SOURCE_START]]);
  });

  it("parses a CSV file version once and serves every range from that one cache file", async () => {
    const { load, repo, spy } = setup({ "pandas-daily.csv": "GOOG" });
    const req = { provider: "csv", symbol: "GOOG", timeframe: "1d" };
    const a = await load({ ...req, start: JAN, end: JAN + 4 * DAY });
    const b = await load({ ...req, start: JAN + 3 * DAY, end: JAN + 30 * DAY });
    expect(spy.fetches.csv, "the file was parsed once").toBe(1);
    expect(b.fromCache, "the second range came from the parsed file").toBe(true);
    expect(a.path, "both ranges live in one Parquet file").toBe(b.path);
    expect(Array.from(a.candles.ts, (t) => (t - JAN) / DAY)).toEqual([1, 2, 3, 4]);
    expect(Array.from(b.candles.ts, (t) => (t - JAN) / DAY)).toEqual([3, 4, 7, 8]);
    expect(Array.from(b.candles.gapFlag), "a slice's first bar is never a gap").toEqual([0, 0, 1, 0]);
    expect(b.report).toMatchObject({ bars: 4, gaps: 1 });
    expect(a.candleHash, "each range keeps its own candle hash").not.toBe(b.candleHash);
    const files = new Set(repo.list().map((r) => r.path));
    expect(files.size, "one file for the source and both ranges").toBe(1);
    const again = await load({ ...req, start: JAN, end: JAN + 4 * DAY });
    expect(again.candleHash).toBe(a.candleHash);
    expect(spy.fetches.csv).toBe(1);
  });

  it("validates the request before touching any provider", async () => {
    const { load } = setup();
    await expect(load({ ...SYN, symbol: "../etc" })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
    await expect(load({ ...SYN, provider: "yahoo" })).rejects.toThrow(/valid: synthetic, csv, binance/);
    await expect(load({ ...SYN, timeframe: "2d" })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
    await expect(load({ ...SYN, start: SYN.end + 1 })).rejects.toThrow(/start is after end/);
  });

  it("stops with CANCELLED when the signal is aborted", async () => {
    const { db, home } = setup();
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(loadCandles(db, home, SYN, { signal: ctrl.signal })).rejects.toMatchObject({
      code: "CANCELLED",
    });
  });

  it("refuses a provider that returns unsorted bars", async () => {
    const home = tempHome();
    const db = openDatabase(home.db);
    const bad = spyProviders((base) => ({
      fetch: async (r, c) => {
        const out = await base.fetch(r, c);
        out.candles.ts.reverse();
        return out;
      },
    }));
    await expect(loadCandles(db, home, SYN, { providers: bad.providers })).rejects.toMatchObject({
      code: "INTERNAL",
    });
  });

  it("writes files DuckDB reads as a UTC timestamp ts_utc, DOUBLE prices and BOOLEAN gap_flag", async () => {
    const { load } = setup({ "pandas-daily.csv": "GOOG" });
    const out = await load({
      provider: "csv",
      symbol: "GOOG",
      timeframe: "1d",
      start: JAN,
      end: JAN + 30 * DAY,
    });
    const duck = await DuckDBInstance.create(":memory:");
    const con = await duck.connect();
    const schema = await con.runAndReadAll(
      `select name, duckdb_type from parquet_schema('${out.path}') where type is not null`,
    );
    expect(schema.getRowObjects()).toEqual([
      { name: "ts_utc", duckdb_type: "TIMESTAMP WITH TIME ZONE" },
      ...["open", "high", "low", "close", "volume"].map((name) => ({ name, duckdb_type: "DOUBLE" })),
      { name: "gap_flag", duckdb_type: "BOOLEAN" },
    ]);
    const rows = await con.runAndReadAll(
      `select epoch_ms(ts_utc) as ts_utc, close, gap_flag from '${out.path}' order by ts_utc`,
    );
    expect(rows.getRowObjects()[4]).toEqual({
      ts_utc: BigInt(Date.parse("2024-01-08T00:00:00Z")),
      close: 105.3,
      gap_flag: true,
    });
    con.closeSync();
  });
});
