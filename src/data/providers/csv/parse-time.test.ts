import { describe, expect, it } from "vitest";
import { parseTimeCell } from "./parse-time.js";

const utc = (text: string) => Date.parse(text);

describe("parseTimeCell", () => {
  it("reads ISO dates as midnight UTC, with -, / or . separators", () => {
    expect(parseTimeCell("2024-01-31")).toBe(utc("2024-01-31T00:00:00Z"));
    expect(parseTimeCell("2024/01/31")).toBe(utc("2024-01-31T00:00:00Z"));
    expect(parseTimeCell("2024.01.31")).toBe(utc("2024-01-31T00:00:00Z"));
    expect(parseTimeCell("1969-12-31"), "dates before the epoch are negative").toBe(-86_400_000);
  });

  it("reads ISO date-times as UTC unless they carry an offset", () => {
    expect(parseTimeCell("2017-04-19 09:00:00")).toBe(utc("2017-04-19T09:00:00Z"));
    expect(parseTimeCell("2017-04-19T09:00")).toBe(utc("2017-04-19T09:00:00Z"));
    expect(parseTimeCell("2017-04-19T09:00:00Z")).toBe(utc("2017-04-19T09:00:00Z"));
    expect(parseTimeCell("2017-04-19 09:00:00+02:00")).toBe(utc("2017-04-19T07:00:00Z"));
    expect(parseTimeCell("2017-04-19T09:00:00-0530")).toBe(utc("2017-04-19T14:30:00Z"));
  });

  it("keeps milliseconds and truncates finer fractions", () => {
    expect(parseTimeCell("2017-04-19 09:00:00.250")).toBe(utc("2017-04-19T09:00:00.250Z"));
    expect(parseTimeCell("2017-04-19 09:00:00.123456789")).toBe(utc("2017-04-19T09:00:00.123Z"));
  });

  it("tells epoch seconds, milliseconds, microseconds and nanoseconds apart by magnitude", () => {
    const ms = utc("2024-03-01T12:00:00Z");
    expect(parseTimeCell(String(ms / 1000))).toBe(ms);
    expect(parseTimeCell(String(ms))).toBe(ms);
    expect(parseTimeCell(String(ms * 1000))).toBe(ms);
    expect(parseTimeCell(`${ms}000000`)).toBe(ms);
    expect(parseTimeCell("1709294400.5"), "fractional seconds keep their ms").toBe(ms + 500);
  });

  it("rejects impossible dates and anything that is not a time", () => {
    for (const bad of [
      "2021-02-30",
      "2023-02-29",
      "2024-13-01",
      "2024-01-01 24:00",
      "2024-01-01 10:60",
      "2024-01-01X10:00",
      "2024-01-01 10:00:00+25:00",
      "2024-01-01 10:00:00 UTC",
      "01/31/2024",
      "yesterday",
      "",
      "1e12x",
    ]) {
      expect(parseTimeCell(bad), `${JSON.stringify(bad)} is not a time`).toBeNaN();
    }
    expect(parseTimeCell("2024-02-29"), "2024 is a leap year").toBe(utc("2024-02-29T00:00:00Z"));
  });
});
