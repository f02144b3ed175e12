import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { studio, tempHome } from "../test-support/studio-cli.js";
import { formatBytes } from "./cache.js";

const fetch = (home: string, symbol: string, timeframe = "1d") =>
  studio([
    "data",
    "fetch",
    "--symbol",
    symbol,
    "--timeframe",
    timeframe,
    "--start",
    "2024-01-01",
    "--end",
    "2024-03-01",
    "--home",
    home,
    "--json",
  ]);

describe("studio cache", () => {
  it("lists cached entries as a table and as JSON, clears one symbol, then everything", async () => {
    const home = tempHome();
    const aaa = JSON.parse((await fetch(home, "AAA")).stdout);
    const bbb = JSON.parse((await fetch(home, "BBB", "4h")).stdout);

    const table = await studio(["cache", "list", "--home", home]);
    expect(table.code, table.stderr).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^provider\s+symbol\s+tf\s+start\s+end\s+rows\s+size\s+created\s+hash$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(" "))).toEqual([
      "synthetic AAA 1d",
      "synthetic BBB 4h",
    ]);

    const json = JSON.parse((await studio(["cache", "list", "--home", home, "--json"])).stdout);
    expect(json.map((e: { symbol: string; row_count: number }) => [e.symbol, e.row_count])).toEqual([
      ["AAA", aaa.rows],
      ["BBB", bbb.rows],
    ]);
    expect(json[0].quality).toMatchObject({ bars: aaa.rows });

    const cleared = await studio(["cache", "clear", "--symbol", "AAA", "--home", home]);
    expect(cleared.stdout).toMatch(/^removed 1 cache entry and 0 feature file\(s\), [\d.]+ KiB\n$/);
    expect([existsSync(aaa.path), existsSync(bbb.path)], "only AAA's file is removed").toEqual([false, true]);

    const all = JSON.parse((await studio(["cache", "clear", "--home", home, "--json"])).stdout);
    expect(all).toMatchObject({ entries: 1, features: 0 });
    expect((await studio(["cache", "list", "--home", home])).stdout).toBe("the candle cache is empty\n");
  });

  it("shows a csv file's whole-source entry as the whole file, not as dates from the far past and future", async () => {
    const home = tempHome();
    mkdirSync(path.join(home, "data"), { recursive: true });
    writeFileSync(
      path.join(home, "data", "ABC.csv"),
      "date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,10\n2024-01-03,1.5,2,1,1.8,12\n",
    );
    const fetched = await studio([
      "data",
      "fetch",
      "--provider",
      "csv",
      "--symbol",
      "ABC",
      "--timeframe",
      "1d",
      "--start",
      "2024-01-02",
      "--end",
      "2024-01-03",
      "--home",
      home,
      "--json",
    ]);
    expect(fetched.code, fetched.stderr).toBe(0);
    const text = (await studio(["cache", "list", "--home", home])).stdout;
    expect(text, "no sentinel year is printed").not.toMatch(/271821|275760/);
    expect(text).toMatch(/csv\s+ABC\s+1d\s+whole file\s+-\s+2\s/);
    const json = JSON.parse((await studio(["cache", "list", "--home", home, "--json"])).stdout);
    expect(json.map((e: { whole_source: boolean }) => e.whole_source)).toContain(true);
  });

  it("refuses a filter that is a path", async () => {
    const r = await studio(["cache", "clear", "--provider", "../x", "--home", tempHome()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: provider: "..\/x" is not a plain name/);
  });
});

describe("formatBytes", () => {
  it("uses B, KiB and MiB", () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual([
      "512 B",
      "2.0 KiB",
      "3.0 MiB",
    ]);
  });
});
