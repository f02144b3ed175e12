import { describe, expect, it } from "vitest";
import { exitsByReason } from "./exits-by-reason.js";

describe("exitsByReason", () => {
  it("counts trips per exit reason and averages their returns", () => {
    // reasons: signal, stop, stop, target, signal; stop mean (-0.05 - 0.03) / 2 = -0.04, signal (0.02 + 0.04) / 2
    const r = exitsByReason(
      Int8Array.from([0, 1, 1, 2, 0]),
      Float64Array.from([0.02, -0.05, -0.03, 0.1, 0.04]),
    );
    expect(r.counts).toEqual({ signal: 2, stop_loss: 2, take_profit: 1, trailing_stop: 0, time_exit: 0 });
    expect(r.avgReturn.signal).toBeCloseTo(0.03, 15);
    expect(r.avgReturn.stop_loss).toBeCloseTo(-0.04, 15);
    expect(r.avgReturn.take_profit).toBe(0.1);
    expect([r.avgReturn.trailing_stop, r.avgReturn.time_exit], "no trip, no mean").toEqual([null, null]);
  });

  it("gives zero counts and null means without trips", () => {
    const r = exitsByReason(new Int8Array(0), new Float64Array(0));
    expect(Object.values(r.counts)).toEqual([0, 0, 0, 0, 0]);
    expect(Object.values(r.avgReturn)).toEqual([null, null, null, null, null]);
  });

  it("gives null for a reason whose returns include NaN (a trip entered with no equity)", () => {
    expect(
      exitsByReason(Int8Array.from([4]), Float64Array.from([Number.NaN])).avgReturn.time_exit,
    ).toBeNull();
  });
});
