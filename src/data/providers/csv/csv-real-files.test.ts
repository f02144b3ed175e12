import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Timeframe } from "../../../core/timeframe.js";
import { gapFlags } from "../../quality/gap-flags.js";
import { CSV_FIXTURES } from "../../test-support/temp-home.js";
import type { CsvOptions } from "./csv-options.js";
import { type CsvParseResult, parseCandleCsv } from "./csv-parse.js";

const read = (name: string) => readFileSync(path.join(CSV_FIXTURES, name), "utf8");

function parse(text: string, timeframe: Timeframe, csv: Partial<CsvOptions> = {}): CsvParseResult {
  return parseCandleCsv(Buffer.from(text), { file: "t.csv", timeframe, start: -1e15, end: 1e15, csv });
}

const isoList = (ts: Float64Array) => Array.from(ts, (t) => new Date(t).toISOString());
const gapsOf = (ts: Float64Array, tf: Timeframe) => Array.from(gapFlags(ts, tf));

function rejection(fn: () => unknown): { code?: string; message: string; details?: { line?: number } } {
  try {
    fn();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error("expected a rejection");
}

describe("real files: daily bars stamped with a time or an offset", () => {
  it("reads 2024-01-02T00:00:00-05:00 as the bar of 2024-01-02 at 00:00 UTC", () => {
    const { candles } = parse(read("daily-offset.csv"), "1d");
    expect(isoList(candles.ts).map((t) => t.slice(0, 10))).toEqual([
      "2024-01-02",
      "2024-01-03",
      "2024-01-04",
      "2024-01-05",
      "2024-01-08",
      "2024-01-09",
    ]);
    expect(candles.ts[0], "stored at midnight UTC of its session date").toBe(Date.UTC(2024, 0, 2));
    expect(gapsOf(candles.ts, "1d"), "the weekend before Monday 2024-01-08 is the one gap").toEqual([
      0, 0, 0, 0, 1, 0,
    ]);
  });

  it("reads a close stamp 2024-01-02 16:00 as the bar of 2024-01-02 too", () => {
    const text = "date,open,high,low,close,volume\n2024-01-02 16:00,1,2,1,2,5\n2024-01-03 16:00,2,3,2,3,5\n";
    expect(isoList(parse(text, "1d").candles.ts)).toEqual([
      "2024-01-02T00:00:00.000Z",
      "2024-01-03T00:00:00.000Z",
    ]);
  });

  it("rejects a bad row of the -05:00 file with DATA_INVALID and its line", () => {
    const bad = read("daily-offset.csv").replace("2024-01-04T00:00:00-05:00", "2024-01-04T00:00:00-25:00");
    const err = rejection(() => parse(bad, "1d"));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(/^t.csv:4: time "2024-01-04T00:00:00-25:00" is not an ISO date/);
  });
});

describe("real files: NYSE hourly session bars", () => {
  const options = { timezone: "America/New_York", align: "session" } as const;

  it("reads 09:30 New York bars as UTC across the March DST change (14:30Z before, 13:30Z after)", () => {
    const { candles, warnings } = parse(read("nyse-hourly.csv"), "1h", options);
    const ts = isoList(candles.ts);
    expect(ts.length).toBe(28);
    expect(ts[0], "EST: UTC-5").toBe("2024-03-07T14:30:00.000Z");
    expect(ts[13], "last bar of Friday").toBe("2024-03-08T20:30:00.000Z");
    expect(ts[14], "Monday after the change, EDT: UTC-4").toBe("2024-03-11T13:30:00.000Z");
    expect(ts[27]).toBe("2024-03-12T19:30:00.000Z");
    expect(warnings).toContain(
      "t.csv: 4 session(s) in America/New_York; no gaps inside sessions; 0 late open(s) and 0 early close(s) against the usual session hours",
    );
  });

  it("reports a missing bar inside a session and a late open", () => {
    const lines = read("nyse-hourly.csv").split("\n");
    const text = lines
      .filter((l) => !l.startsWith("2024-03-08 12:30") && !l.startsWith("2024-03-11 09:30"))
      .join("\n");
    const { warnings } = parse(text, "1h", options);
    expect(warnings.join("\n")).toMatch(
      /4 session\(s\) in America\/New_York; 1 gap\(s\) inside sessions \(largest 2 hours, first after 2024-03-08T16:30:00.000Z\); 1 late open\(s\) and 0 early close\(s\)/,
    );
  });

  it("refuses the same file on the 1h grid, saying why and what to set", () => {
    const err = rejection(() => parse(read("nyse-hourly.csv"), "1h", { timezone: "America/New_York" }));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(
      /^t.csv:2: time "2024-03-07 09:30:00" is 2024-03-07T14:30:00.000Z, not on the 1h grid/,
    );
  });

  it("rejects a time the clocks skipped, with its line", () => {
    const text =
      "datetime,open,high,low,close,volume\n2024-03-10 01:30,1,1,1,1,1\n2024-03-10 02:30,1,1,1,1,1\n";
    const err = rejection(() => parse(text, "1h", options));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(/^t.csv:3: time "2024-03-10 02:30" does not exist in America\/New_York/);
  });

  it("puts the repeated 01:00 of the November change on two instants, in file order", () => {
    const text =
      "datetime,open,high,low,close,volume\n2024-11-03 00:00,1,1,1,1,1\n2024-11-03 01:00,1,1,1,1,1\n" +
      "2024-11-03 01:00,1,1,1,1,1\n2024-11-03 02:00,1,1,1,1,1\n";
    expect(isoList(parse(text, "1h", { timezone: "America/New_York" }).candles.ts)).toEqual([
      "2024-11-03T04:00:00.000Z",
      "2024-11-03T05:00:00.000Z",
      "2024-11-03T06:00:00.000Z",
      "2024-11-03T07:00:00.000Z",
    ]);
  });
});

describe("real files: yyyyMMdd dates", () => {
  it("reads 20240102 as a date, never as epoch seconds", () => {
    const { candles, found } = parse(read("compact-dates.csv"), "1d");
    expect(isoList(candles.ts)[0]).toBe("2024-01-02T00:00:00.000Z");
    expect(candles.ts.length).toBe(5);
    expect(gapsOf(candles.ts, "1d")).toEqual([0, 0, 0, 0, 1]);
    expect(found.timeFormat).toBe("yyyyMMdd date, in UTC");
  });

  it("rejects an impossible compact date with DATA_INVALID and its line", () => {
    const err = rejection(() => parse(read("compact-dates.csv").replace("20240104", "20240231"), "1d"));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(
      /^t.csv:4: time "20240231" is not an ISO date, date-time, yyyyMMdd date or epoch/,
    );
  });

  it("reads day-first and month-first dates only through an explicit date_format", () => {
    const dayFirst = "date,open,high,low,close,volume\n02.01.2024,1,1,1,1,1\n03.01.2024 16:00,1,1,1,1,1\n";
    expect(isoList(parse(dayFirst, "1d", { date_format: "dd.MM.yyyy" }).candles.ts)).toEqual([
      "2024-01-02T00:00:00.000Z",
      "2024-01-03T00:00:00.000Z",
    ]);
    const monthFirst = "date,open,high,low,close,volume\n01/02/2024 09:30,1,1,1,1,1\n";
    expect(
      isoList(
        parse(monthFirst, "1m", { date_format: "MM/dd/yyyy HH:mm", timezone: "America/New_York" }).candles.ts,
      ),
    ).toEqual(["2024-01-02T14:30:00.000Z"]);
    const err = rejection(() => parse(monthFirst, "1d"));
    expect(err.message, "01/02/2024 is never guessed").toMatch(/^t.csv:2: time "01\/02\/2024 09:30" is not/);
    const wrong = rejection(() => parse(dayFirst, "1d", { date_format: "MM/dd/yyyy" }));
    expect(wrong.message).toMatch(
      /^t.csv:2: time "02.01.2024" does not match the date format "MM\/dd\/yyyy"/,
    );
  });

  it("reads the time from the column time_column names", () => {
    const text = "when,open,high,low,close,volume,date\n20240102,1,1,1,1,1,x\n";
    expect(isoList(parse(text, "1d", { time_column: "When" }).candles.ts)).toEqual([
      "2024-01-02T00:00:00.000Z",
    ]);
    const err = rejection(() => parse(text, "1d", { time_column: "stamp" }));
    expect(err.message).toMatch(/^t.csv:1: header has no column "stamp" \(time_column\)/);
  });
});

describe("real files: no volume column", () => {
  it("loads with volume NaN and says so", () => {
    const { candles, warnings, found } = parse(read("no-volume.csv"), "1d");
    expect(candles.ts.length).toBe(5);
    expect(Array.from(candles.volume).every(Number.isNaN), "volume is unknown, not 0").toBe(true);
    expect(candles.close[4]).toBe(4763.54);
    expect(warnings).toContain(
      "t.csv: the file has no volume column; volume is unknown (NaN), and indicators reading it cannot run",
    );
    expect(found.columns).toEqual({ time: 1, open: 2, high: 3, low: 4, close: 5 });
  });

  it("still rejects a bad price in such a file with its line", () => {
    const err = rejection(() => parse(read("no-volume.csv").replace("4688.68", "-4688.68"), "1d"));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(/^t.csv:4: close "-4688.68" is not a positive price/);
  });
});

describe("real files: monthly bars stamped on month ends", () => {
  it("reads 2012-01-31 as the 1M bar of January, opening 2012-01-01", () => {
    const { candles } = parse(read("monthly-month-end.csv"), "1M");
    const ts = isoList(candles.ts);
    expect(ts.length).toBe(13);
    expect(ts[0]).toBe("2012-01-01T00:00:00.000Z");
    expect(ts[1], "February of a leap year ends on the 29th").toBe("2012-02-01T00:00:00.000Z");
    expect(ts[12]).toBe("2013-01-01T00:00:00.000Z");
    expect(gapsOf(candles.ts, "1M"), "consecutive months are no gap, whatever their length").toEqual(
      new Array(13).fill(0),
    );
  });

  it("flags a missing month as a gap", () => {
    const text = read("monthly-month-end.csv").replace(/2012-05-31.*\n/, "");
    const { candles } = parse(text, "1M");
    expect(gapsOf(candles.ts, "1M").indexOf(1), "June follows April").toBe(4);
  });

  it("refuses a mid-month date with DATA_INVALID and its line", () => {
    const err = rejection(() =>
      parse(read("monthly-month-end.csv").replace("2012-03-31", "2012-03-15"), "1M"),
    );
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toMatch(
      /^t.csv:4: time "2012-03-15" is neither the first nor the last day of a month/,
    );
  });

  it("refuses the monthly file read as 1d, naming the timeframe it looks like", () => {
    const err = rejection(() => parse(read("monthly-month-end.csv"), "1d"));
    expect(err.code).toBe("DATA_INVALID");
    expect(err.message).toBe(
      "t.csv: its 13 bars are a median 31 days apart, which is the 1M timeframe, not 1d; run it with timeframe 1M",
    );
  });
});
