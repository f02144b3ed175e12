import { describe, expect, it } from "vitest";
import { wfoWindows } from "./wfo-windows.js";

const ranges = (ws: ReturnType<typeof wfoWindows>) =>
  ws.map((w) => `IS[${w.isStart},${w.isEnd}) OOS[${w.oosStart},${w.oosEnd})`);

describe("wfoWindows", () => {
  it("reproduces the rolling example of docs/validation.md: T = 1000, W = 4, f = 0.8 -> L_oos = 125, L_is = 500", () => {
    expect(ranges(wfoWindows(1000, 4, 0.8, false))).toEqual([
      "IS[0,500) OOS[500,625)",
      "IS[125,625) OOS[625,750)",
      "IS[250,750) OOS[750,875)",
      "IS[375,875) OOS[875,1000)",
    ]);
  });

  it("reproduces the anchored example of docs/validation.md with the same OOS windows", () => {
    expect(ranges(wfoWindows(1000, 4, 0.8, true))).toEqual([
      "IS[0,500) OOS[500,625)",
      "IS[0,625) OOS[625,750)",
      "IS[0,750) OOS[750,875)",
      "IS[0,875) OOS[875,1000)",
    ]);
  });

  it("appends leftover bars to the last OOS segment", () => {
    // T = 1007, W = 4, f = 0.75 (ratio 3): L_oos = floor(1007/7) = 143, L_is = 429; 429 + 4·143 = 1001 -> 6 left over.
    const ws = wfoWindows(1007, 4, 0.75, false);
    expect(ws[0]).toEqual({ isStart: 0, isEnd: 429, oosStart: 429, oosEnd: 572 });
    expect(ws[3]).toEqual({ isStart: 429, isEnd: 858, oosStart: 858, oosEnd: 1007 });
  });

  it("keeps OOS segments contiguous and non-overlapping, each right after its IS", () => {
    const ws = wfoWindows(777, 5, 0.7, false);
    ws.forEach((w, k) => {
      expect(w.isEnd, `segment ${k}`).toBe(w.oosStart);
      if (k > 0) expect(w.oosStart, `segment ${k} follows ${k - 1}`).toBe(ws[k - 1]!.oosEnd);
    });
    expect(ws[ws.length - 1]!.oosEnd).toBe(777);
  });

  it("throws INSUFFICIENT_DATA when the windows would be too short", () => {
    expect(() => wfoWindows(10, 8, 0.75, false)).toThrow(
      expect.objectContaining({ code: "INSUFFICIENT_DATA" }),
    );
    expect(() => wfoWindows(5, 2, 0.25, false), "L_is = floor(1.428·1/3) = 0").toThrow(/need >= 2/);
  });
});
