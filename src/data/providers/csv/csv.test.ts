import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempHome } from "../../test-support/temp-home.js";
import { createCsvProvider, csvPath } from "./csv.js";

const ALL = { timeframe: "1d" as const, start: 0, end: Date.parse("2030-01-01") };

describe("csv provider", () => {
  it("reads {home}/data/{SYMBOL}.csv and reports the file's sha256 as the source version", async () => {
    const home = tempHome({ "pandas-daily.csv": "GOOG" });
    const provider = createCsvProvider();
    const ctx = { home };
    const out = await provider.fetch({ symbol: "GOOG", ...ALL }, ctx);
    expect(out.candles.ts.length).toBe(6);
    expect(out.rawSourceVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await provider.sourceVersion({ symbol: "GOOG", ...ALL }, ctx)).toBe(out.rawSourceVersion);
  });

  it("changes the source version when the file is edited", async () => {
    const home = tempHome({ "yahoo.csv": "ACME" });
    const provider = createCsvProvider();
    const before = await provider.sourceVersion({ symbol: "ACME", ...ALL }, { home });
    writeFileSync(
      path.join(home.data, "ACME.csv"),
      "Date,Open,High,Low,Close,Volume\n2024-01-02,1,1,1,1,1\n",
    );
    expect(await provider.sourceVersion({ symbol: "ACME", ...ALL }, { home })).not.toBe(before);
  });

  it("answers a missing file with DATA_NOT_FOUND saying where it looked", async () => {
    const home = tempHome();
    await expect(createCsvProvider().fetch({ symbol: "NOPE", ...ALL }, { home })).rejects.toMatchObject({
      code: "DATA_NOT_FOUND",
      message: expect.stringContaining(path.join(home.data, "NOPE.csv")),
    });
  });

  it("never turns a symbol into a path outside data/", () => {
    const home = tempHome();
    for (const bad of ["../secret", "a/b", "a\\b", "..", ".hidden", ""]) {
      expect(() => csvPath(home, bad), `symbol ${JSON.stringify(bad)}`).toThrow(
        expect.objectContaining({ code: "CONFIG_INVALID" }),
      );
    }
    expect(csvPath(home, "BRK.B")).toBe(path.join(home.data, "BRK.B.csv"));
  });

  it("names the file relative to the home in DATA_INVALID messages", async () => {
    const home = tempHome();
    writeFileSync(
      path.join(home.data, "BAD.csv"),
      "date,open,high,low,close,volume\n2024-01-01,1,1,1,nan,1\n",
    );
    await expect(createCsvProvider().fetch({ symbol: "BAD", ...ALL }, { home })).rejects.toThrow(
      /^data\/BAD.csv:2: close "nan" is not a decimal number/,
    );
  });

  it("sorts and de-duplicates the fixture with unsorted and repeated hours", async () => {
    const home = tempHome({ "unsorted-duplicates.csv": "EURUSD" });
    const out = await createCsvProvider().fetch({ symbol: "EURUSD", ...ALL, timeframe: "1h" }, { home });
    expect(Array.from(out.candles.ts, (t) => new Date(t).getUTCHours())).toEqual([0, 1, 2, 5]);
    expect(out.report).toMatchObject({ duplicatesDropped: 2, conflictingDuplicates: 1, unsortedFixed: 4 });
    expect(out.warnings?.[0]).toMatch(/data\/EURUSD.csv: 1 row\(s\) repeat a timestamp/);
  });
});
