import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { studio, tempHome } from "../test-support/studio-cli.js";
import { formatDuration } from "./data.js";

const FIXTURES = path.resolve(import.meta.dirname, "../../../test/fixtures/csv");
const SYN = ["data", "fetch", "--provider", "synthetic", "--symbol", "SYN", "--timeframe", "1h"];
const RANGE = ["--start", "2024-01-01", "--end", "2024-01-03T00:00:00Z"];

function homeWithCsv(fixture: string, symbol: string): string {
  const home = tempHome();
  mkdirSync(path.join(home, "data"));
  copyFileSync(path.join(FIXTURES, fixture), path.join(home, "data", `${symbol}.csv`));
  return home;
}

describe("studio data fetch", () => {
  it("fetches synthetic candles, then serves the same request from the cache", async () => {
    const home = tempHome();
    const first = await studio(["--home", home, ...SYN, ...RANGE]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/rows\s+49\n/);
    expect(first.stdout).toMatch(/range\s+2024-01-01T00:00:00Z \.\. 2024-01-03T00:00:00Z/);
    expect(first.stdout).toMatch(/from cache\s+no/);
    const second = await studio([...SYN, ...RANGE, "--home", home, "--json"]);
    const out = JSON.parse(second.stdout);
    expect(out).toMatchObject({ rows: 49, from_cache: true, gaps: 0, first_iso: "2024-01-01T00:00:00.000Z" });
    expect(existsSync(out.path), "the cache file is where the output says").toBe(true);
    expect(out.path.startsWith(path.join(home, "cache", "candles", "synthetic", "SYN", "1h"))).toBe(true);
  });

  it("reads a pandas-style CSV from the home's data folder and reports its weekend gap", async () => {
    const home = homeWithCsv("pandas-daily.csv", "GOOG");
    const r = await studio([
      "data",
      "fetch",
      "--provider",
      "csv",
      "--symbol",
      "GOOG",
      "--timeframe",
      "1d",
      "--start",
      "2024-01-01",
      "--end",
      String(Date.parse("2024-02-01")),
      "--home",
      home,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/rows\s+6\n/);
    expect(r.stdout).toMatch(/gaps\s+1\n/);
    expect(r.stdout).toMatch(/largest gap\s+3d\n/);
  });

  it("rejects a bad CSV with DATA_INVALID naming the line, as text and as JSON", async () => {
    const home = tempHome();
    mkdirSync(path.join(home, "data"));
    writeFileSync(
      path.join(home, "data", "BAD.csv"),
      "Date,Open,High,Low,Close,Volume\n2024-01-02,10,9,11,10,5\n",
    );
    const args = [
      "data",
      "fetch",
      "--provider",
      "csv",
      "--symbol",
      "BAD",
      "--timeframe",
      "1d",
      ...RANGE,
      "--home",
      home,
    ];
    const text = await studio(args);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/^error DATA_INVALID: data\/BAD.csv:2: high 9 is below low 11/);
    const json = await studio([...args, "--json"]);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: "DATA_INVALID" });
  });

  it("says where it looked for a missing CSV file", async () => {
    const home = tempHome();
    const r = await studio([
      "data",
      "fetch",
      "--provider",
      "csv",
      "--symbol",
      "NOPE",
      "--timeframe",
      "1d",
      ...RANGE,
      "--home",
      home,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `error DATA_NOT_FOUND: csv: no file for symbol "NOPE"; looked for ${path.join(home, "data", "NOPE.csv")}`,
    );
  });

  it("exits 2 with CONFIG_INVALID for a bad time, a path as symbol or an unknown provider", async () => {
    const home = tempHome();
    const badTime = await studio([...SYN, "--start", "yesterday", "--end", "2024-01-02", "--home", home]);
    expect([badTime.code, badTime.stderr]).toEqual([
      2,
      'error CONFIG_INVALID: --start: expected epoch ms or an ISO date / date-time, got "yesterday"\n',
    ]);
    const traversal = await studio([
      "data",
      "fetch",
      "--provider",
      "csv",
      "--symbol",
      "../../etc/passwd",
      "--timeframe",
      "1d",
      ...RANGE,
      "--home",
      home,
    ]);
    expect(traversal.code).toBe(2);
    expect(traversal.stderr).toMatch(/CONFIG_INVALID: symbol:/);
    const unknown = await studio([
      "data",
      "fetch",
      "--provider",
      "yahoo",
      "--symbol",
      "X",
      "--timeframe",
      "1d",
      ...RANGE,
      "--home",
      home,
    ]);
    expect(unknown.stderr).toMatch(/unknown provider "yahoo"; valid: synthetic, csv, binance/);
  });
});

describe("formatDuration", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000 + 5 * 60_000)).toBe("3d 4h");
    expect(formatDuration(90_000)).toBe("1m 30s");
    expect(formatDuration(5)).toBe("5ms");
  });
});

describe("studio data import", () => {
  it("checks a monthly month-end file, tells its timeframe, and copies it to data/", async () => {
    const home = tempHome();
    const file = path.join(FIXTURES, "monthly-month-end.csv");
    const r = await studio(["--home", home, "data", "import", file, "--symbol", "BTCUSD", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      timeframe: "1M",
      timeframe_detected: true,
      rows: 13,
      first_iso: "2012-01-01T00:00:00.000Z",
      last_iso: "2013-01-01T00:00:00.000Z",
      columns: { time: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 },
      time_format: "ISO date, in UTC",
      provider_options: {},
    });
    expect(readFileSync(path.join(home, "data", "BTCUSD.csv"), "utf8")).toBe(readFileSync(file, "utf8"));
    const again = await studio(["--home", home, "data", "import", file, "--symbol", "BTCUSD"]);
    expect(again.code, "an existing file is kept without --force").not.toBe(0);
    expect(again.stderr).toMatch(/data\/BTCUSD.csv already exists; pass --force to replace it/);
  });

  it("shows session bars in their zone and the provider_options a run needs; refuses a bad file with its line", async () => {
    const home = tempHome();
    const file = path.join(FIXTURES, "nyse-hourly.csv");
    const args = [
      "--home",
      home,
      "data",
      "import",
      file,
      "--symbol",
      "SPY",
      "--timezone",
      "America/New_York",
    ];
    const r = await studio([...args, "--align", "session"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/timeframe\s+1h \(told by the bars' spacing\)/);
    expect(r.stdout).toMatch(/range\s+2024-03-07T14:30:00Z \.\. 2024-03-12T19:30:00Z/);
    expect(r.stdout).toMatch(/provider_options\s+\{"timezone":"America\/New_York","align":"session"\}/);
    const bad = path.join(home, "bad.csv");
    writeFileSync(bad, readFileSync(file, "utf8").replace("2024-03-08 11:30:00,", "2024-03-08 11:30:00,abc"));
    const b = await studio(["--home", home, "data", "import", bad, "--symbol", "BAD"]);
    expect(b.stderr).toMatch(/DATA_INVALID: bad.csv:11: open "abc[^"]*" is not a decimal number/);
    expect(existsSync(path.join(home, "data", "BAD.csv")), "nothing is copied").toBe(false);
  });
});
