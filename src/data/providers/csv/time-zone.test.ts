import { describe, expect, it } from "vitest";
import { isTimeZone, ZoneConverter } from "./time-zone.js";

const wall = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => (Number.isNaN(ms) ? "NaN" : new Date(ms).toISOString());

describe("ZoneConverter", () => {
  it("knows IANA names and refuses others with CONFIG_INVALID", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(() => new ZoneConverter("EST5EDT-ish")).toThrow(
      /timezone: "EST5EDT-ish" is not an IANA time zone name/,
    );
  });

  it("converts New York wall times on both sides of the March change (UTC-5, then UTC-4)", () => {
    const z = new ZoneConverter("America/New_York");
    expect(iso(z.toUtc(wall("2024-03-10T01:59:00")))).toBe("2024-03-10T06:59:00.000Z");
    expect(z.toUtc(wall("2024-03-10T02:30:00")), "02:00-02:59 does not exist that day").toBeNaN();
    expect(iso(z.toUtc(wall("2024-03-10T03:00:00")))).toBe("2024-03-10T07:00:00.000Z");
    expect(iso(z.toUtc(wall("2024-03-11T09:30:00")))).toBe("2024-03-11T13:30:00.000Z");
  });

  it("gives the repeated hour of the November change its first instant, or the second after it", () => {
    const z = new ZoneConverter("America/New_York");
    const first = z.toUtc(wall("2024-11-03T01:30:00"));
    expect(iso(first), "EDT occurrence").toBe("2024-11-03T05:30:00.000Z");
    expect(iso(z.toUtc(wall("2024-11-03T01:30:00"), first)), "EST occurrence after it").toBe(
      "2024-11-03T06:30:00.000Z",
    );
    expect(iso(z.toUtc(wall("2024-11-03T02:00:00")))).toBe("2024-11-03T07:00:00.000Z");
    expect(iso(z.toUtc(wall("2024-11-04T09:30:00")))).toBe("2024-11-04T14:30:00.000Z");
  });

  it("handles zones east of UTC and the southern hemisphere (Sydney: +11 in January, +10 in July)", () => {
    const z = new ZoneConverter("Australia/Sydney");
    expect(iso(z.toUtc(wall("2024-01-15T10:00:00")))).toBe("2024-01-14T23:00:00.000Z");
    expect(iso(z.toUtc(wall("2024-07-15T10:00:00")))).toBe("2024-07-15T00:00:00.000Z");
    const k = new ZoneConverter("Asia/Kolkata");
    expect(iso(k.toUtc(wall("2024-07-15T09:15:00"))), "half-hour offset").toBe("2024-07-15T03:45:00.000Z");
    expect(iso(k.toWall(Date.parse("2024-07-15T03:45:00Z")))).toBe("2024-07-15T09:15:00.000Z");
  });
});
