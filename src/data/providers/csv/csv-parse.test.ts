import { describe, expect, it } from "vitest";
import { type CsvParseOptions, parseCandleCsv } from "./csv-parse.js";

const ALL: CsvParseOptions = { file: "t.csv", timeframe: "1d", start: -1e15, end: 1e15 };
const parse = (text: string, over: Partial<CsvParseOptions> = {}) =>
  parseCandleCsv(Buffer.from(text), { ...ALL, ...over });
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("parseCandleCsv: formats", () => {
  it("reads a pandas index column (unnamed first header cell)", () => {
    const { candles } = parse(",Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,100\n");
    expect(Array.from(candles.ts)).toEqual([day("2024-01-02")]);
    expect([candles.open[0], candles.high[0], candles.low[0], candles.close[0], candles.volume[0]]).toEqual([
      1, 2, 0.5, 1.5, 100,
    ]);
    expect(candles.vwap, "no vwap column means no vwap").toBeUndefined();
  });

  it("matches column names in any case, ignores Adj Close and reads CRLF and a BOM", () => {
    const text = "\uFEFFDATE,adj close,CLOSE,Low,HIGH,open,Volume\r\n2024-01-02,9,1.5,0.5,2,1,100\r\n";
    const { candles } = parse(text);
    expect(candles.close[0], "Close, not Adj Close").toBe(1.5);
    expect(candles.open[0]).toBe(1);
  });

  it("reads epoch seconds with an optional vwap column", () => {
    const { candles } = parse("ts_utc,open,high,low,close,volume,VWAP\n1704067200,1,2,0.5,1.5,10,1.2\n", {
      timeframe: "1h",
    });
    expect(candles.ts[0]).toBe(1_704_067_200_000);
    expect(Array.from(candles.vwap!)).toEqual([1.2]);
  });

  it("reads quoted fields, semicolon separators and a Unix-ms open_time", () => {
    const { candles } = parse(
      '"Open Time";"Open";"High";"Low";"Close";"Volume"\n"1704067200000";"1";"2";"1";"2";"5"\n',
      {
        timeframe: "1h",
      },
    );
    expect(candles.ts[0]).toBe(1_704_067_200_000);
    expect(candles.high[0]).toBe(2);
  });

  it("answers a range without rows with DATA_NOT_FOUND saying what the file covers", () => {
    const text = "date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-05,1,1,1,1,1\n";
    expect(() => parse(text, { start: 0, end: 86_400_000 })).toThrow(
      expect.objectContaining({
        code: "DATA_NOT_FOUND",
        message:
          "t.csv: no rows between 1970-01-01T00:00:00.000Z and 1970-01-02T00:00:00.000Z; " +
          "its 2 row(s) run from 2024-01-02T00:00:00.000Z to 2024-01-05T00:00:00.000Z",
      }),
    );
    expect(() => parse("date,open,high,low,close,volume\n")).toThrow(/it has no data rows/);
  });

  it("gives the same result and line numbers when the bytes are decoded in many small slices", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${86_400 * i},1,2,1,2,${i}`);
    const text = `time,open,high,low,close,volume\n${rows.join("\n")}\n`;
    const whole = parse(text);
    const sliced = parse(text, { sliceBytes: 7 });
    expect(Array.from(sliced.candles.volume)).toEqual(Array.from(whole.candles.volume));
    const bad = `${text}${86_400 * 50},1,2,1,oops,1\n`;
    expect(() => parse(bad, { sliceBytes: 7 }), "line 52 is the bad row").toThrow(/t.csv:52: close "oops"/);
  });

  it("filters rows to the inclusive range", () => {
    const text =
      ",Open,High,Low,Close,Volume\n2024-01-01,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n";
    const { candles } = parse(text, { start: day("2024-01-02"), end: day("2024-01-03") });
    expect(Array.from(candles.ts)).toEqual([day("2024-01-02"), day("2024-01-03")]);
  });
});

describe("parseCandleCsv: repairs", () => {
  it("sorts unsorted rows, drops duplicates keeping the later line, and counts both", () => {
    const text = [
      "date,open,high,low,close,volume",
      "2024-01-03,3,3,3,3,3",
      "2024-01-01,1,1,1,1,1",
      "2024-01-02,2,2,2,2,2",
      "2024-01-02,2,2,2,2,2",
      "2024-01-01,1,1.5,1,1.5,9",
    ].join("\n");
    const { candles, counts, warnings } = parse(text);
    expect(Array.from(candles.ts)).toEqual([day("2024-01-01"), day("2024-01-02"), day("2024-01-03")]);
    expect(candles.close[0], "the later of two conflicting rows wins").toBe(1.5);
    expect(counts).toEqual({
      duplicatesDropped: 2,
      conflictingDuplicates: 1,
      rowsRejected: 0,
      unsortedFixed: 4,
    });
    expect(warnings[0]).toMatch(
      /1 row\(s\) repeat a timestamp with different values.*2024-01-01T00:00:00.000Z/,
    );
  });
});

describe("parseCandleCsv: rejections", () => {
  const cases: [string, string, RegExp][] = [
    ["a missing column", "date,open,high,low,volume\n2024-01-01,1,1,1,1\n", /t.csv:1: header lacks close/],
    ["no time column", "open,high,low,close,volume\n1,1,1,1,1\n", /header lacks a time column/],
    [
      "an unparsable number",
      "date,open,high,low,close,volume\n2024-01-01,1,1,1,abc,1\n",
      /t.csv:2: close "abc" is not a decimal number/,
    ],
    [
      "an empty cell",
      "date,open,high,low,close,volume\n2024-01-01,1,1,1,,1\n",
      /t.csv:2: close "" is not a decimal number/,
    ],
    [
      "a zero price",
      "date,open,high,low,close,volume\n2024-01-01,0,1,1,1,1\n",
      /t.csv:2: open "0" is not a positive price/,
    ],
    [
      "a negative price",
      "date,open,high,low,close,volume\n2024-01-01,1,1,-1,1,1\n",
      /low "-1" is not a positive price/,
    ],
    [
      "high below low",
      "date,open,high,low,close,volume\n2024-01-01,1,1,2,1,1\n",
      /t.csv:2: high 1 is below low 2/,
    ],
    [
      "high below close",
      "date,open,high,low,close,volume\n2024-01-01,1,2,1,3,1\n",
      /high 2 is below max\(open 1, close 3\)/,
    ],
    [
      "low above open",
      "date,open,high,low,close,volume\n2024-01-01,1,3,2,2.5,1\n",
      /low 2 is above min\(open 1, close 2.5\)/,
    ],
    [
      "a negative volume",
      "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,-5\n",
      /volume "-5" is negative/,
    ],
    [
      "a bad date",
      "date,open,high,low,close,volume\n2024-02-30,1,1,1,1,1\n",
      /t.csv:2: time "2024-02-30" is not an ISO date/,
    ],
    [
      "a short row",
      "date,open,high,low,close,volume\n2024-01-01,1,1\n",
      /t.csv:2: expected 6 fields, found 3/,
    ],
    [
      "two times on one date for a daily bar (an intraday file read as 1d)",
      "date,open,high,low,close,volume\n2024-01-01 09:30,1,1,1,1,1\n2024-01-01 10:30,1,1,1,1,1\n",
      /t.csv:3: time "2024-01-01 10:30" falls on the same 1d bar \(2024-01-01\) as the row before/,
    ],
    ["an empty file", "", /the file is empty/],
    [
      "a hexadecimal price",
      "date,open,high,low,close,volume\n2024-01-01,16,16,16,0x10,1\n",
      /t.csv:2: close "0x10" is not a decimal number/,
    ],
    [
      "an infinite volume",
      "date,open,high,low,close,volume\n2024-01-01,1,1,1,1,Infinity\n",
      /t.csv:2: volume "Infinity" is not a decimal number/,
    ],
    [
      "a binary price",
      "date,open,high,low,close,volume\n2024-01-01,0b1,1,1,1,1\n",
      /t.csv:2: open "0b1" is not a decimal number/,
    ],
    [
      "a duplicate close column",
      "date,open,high,low,close,volume,Close\n2024-01-01,1,1,1,1,1,2\n",
      /t.csv:1: header has two close columns, column 5 "close" and column 7 "Close"/,
    ],
    [
      "volume twice through its alias",
      "date,open,high,low,close,Vol,volume\n2024-01-01,1,1,1,1,1,2\n",
      /t.csv:1: header has two volume columns, column 6 "Vol" and column 7 "volume"/,
    ],
    [
      "a duplicate time column",
      "date,open,high,low,close,volume,Date\n2024-01-01,1,1,1,1,1,2024-01-02\n",
      /t.csv:1: header has two date columns, column 1 "date" and column 7 "Date"/,
    ],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what} with DATA_INVALID and the line`, () => {
      let caught: unknown;
      try {
        parse(text);
      } catch (err) {
        caught = err;
      }
      expect(caught, `${what} must be rejected`).toMatchObject({ code: "DATA_INVALID" });
      expect((caught as Error).message).toMatch(message);
    });
  }

  it("rejects a bad row even outside the requested range, counting physical lines", () => {
    const text = "date,open,high,low,close,volume\n\n2024-01-01,1,1,1,1,1\n2030-01-01,1,1,1,x,1\n";
    expect(() => parse(text, { start: day("2024-01-01"), end: day("2024-01-01") })).toThrow(
      /t.csv:4: close "x"/,
    );
  });

  it("quotes at most about 80 characters of a first line that is not a CSV header", () => {
    const secret = `root:${"s3cr3t-".repeat(60)}:/root:/bin/bash`;
    let message = "";
    try {
      parse(`${secret}\nline two\n`);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^t.csv:1: header lacks a time column .*found 1 column\(s\): "root:s3cr3t-/);
    expect(message, "no more of the line than the excerpt").not.toContain("s3cr3t-".repeat(12));
    expect(message.length, "a short message whatever the file holds").toBeLessThan(260);
  });
});
