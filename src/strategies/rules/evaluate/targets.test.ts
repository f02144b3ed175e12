import { describe, expect, it } from "vitest";
import { positionTargets } from "./targets.js";

const bits = (s: string) => Uint8Array.from(s.replace(/ /g, ""), (c) => (c === "1" ? 1 : 0));
function targets(le: string, lx: string, se: string, sx: string) {
  const out = new Float64Array(bits(le).length).fill(Number.NaN);
  const report = positionTargets(bits(le), bits(lx), bits(se), bits(sx), out);
  return { targets: Array.from(out), report };
}

describe("positionTargets", () => {
  it("enters long, holds until the long exit, and is flat before the first entry", () => {
    expect(targets("0100000", "1000100", "0000000", "0000000").targets, "exit at 4").toEqual([
      0, 1, 1, 1, 0, 0, 0,
    ]);
  });

  it("enters short and holds until the short exit; a long exit does not close a short", () => {
    expect(targets("0000000", "0010000", "0100000", "0000010").targets, "short 1..4").toEqual([
      0, -1, -1, -1, -1, 0, 0,
    ]);
  });

  it("reverses on an entry of the other side", () => {
    expect(targets("0100010", "0000000", "0001000", "0000000").targets, "long, short, long").toEqual([
      0, 1, 1, -1, -1, 1, 1,
    ]);
  });

  it("lets an entry beat an exit of the same side on the same bar", () => {
    expect(targets("0110", "0010", "0000", "0000").targets, "still long at 2").toEqual([0, 1, 1, 1]);
    expect(targets("0000", "0000", "0100", "0101").targets, "short entry and exit at 1").toEqual([
      0, -1, -1, 0,
    ]);
  });

  it("changes nothing on a bar where both entries hold, and counts those bars", () => {
    const r = targets("0110011", "0000000", "0011001", "0000000");
    // t=1 long; t=2 both: stays long; t=3 short; t=5 long; t=6 both: stays long.
    expect(r.targets, "held on both-entry bars").toEqual([0, 1, 1, -1, -1, 1, 1]);
    expect(r.report, "two bars, the first at 2").toEqual({ bothEntries: 2, firstBothEntries: 2 });
    expect(targets("1", "0", "1", "0").targets, "both on the first bar: stays flat").toEqual([0]);
  });

  it("reports no conflict when entries never coincide", () => {
    expect(targets("10", "00", "01", "00").report, "none").toEqual({ bothEntries: 0, firstBothEntries: -1 });
  });

  it("gives the same targets for null short rules as for all-false ones", () => {
    const le = bits("0100010100");
    const lx = bits("0001000010");
    const out = new Float64Array(10);
    positionTargets(le, lx, null, null, out);
    expect(Array.from(out), "long-only loop").toEqual(
      targets("0100010100", "0001000010", "0000000000", "0000000000").targets,
    );
    positionTargets(le, lx, bits("0000001000"), null, out, new Uint8Array(10));
    expect(Array.from(out), "one null short rule").toEqual(
      targets("0100010100", "0001000010", "0000001000", "0000000000").targets,
    );
  });
});

describe("positionTargets over long series", () => {
  /** Sparse events (runs of quiet groups longer than a fill) and dense ones, at every alignment. */
  function events(n: number, every: number, seed: number): Uint8Array {
    const c = new Uint8Array(n + 3);
    for (let t = 0; t < n; t++) c[t] = (t * 7919 + seed * 104729) % every === 0 ? 1 : 0;
    return c;
  }
  function naive(le: Uint8Array, lx: Uint8Array, se: Uint8Array, sx: Uint8Array, n: number, start: number) {
    const out = new Float64Array(n);
    let target = start;
    for (let t = 0; t < n; t++) {
      if (le[t] && se[t]) {
      } else if (le[t]) target = 1;
      else if (se[t]) target = -1;
      else if (target === 1 && lx[t]) target = 0;
      else if (target === -1 && sx[t]) target = 0;
      out[t] = target;
    }
    return out;
  }

  it("equals the bar-by-bar machine for sparse and dense rules, aligned or not, long-only or not", () => {
    const n = 5003;
    for (const every of [3, 50, 700]) {
      for (const offset of [0, 1, 2, 3]) {
        const [le, lx, se, sx] = [1, 2, 3, 4].map((s) =>
          events(n, every, s).subarray(offset, offset + n),
        ) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
        const none = new Uint8Array(n);
        const longOnly = new Float64Array(n).fill(Number.NaN);
        positionTargets(le, lx, null, null, longOnly);
        const both = new Float64Array(n).fill(Number.NaN);
        positionTargets(le, lx, se, sx, both);
        const wantLong = naive(le, lx, none, none, n, 0);
        const wantBoth = naive(le, lx, se, sx, n, 0);
        for (let t = 0; t < n; t++) {
          if (longOnly[t] !== wantLong[t])
            expect.fail(`every ${every}, offset ${offset}, long-only bar ${t}`);
          if (both[t] !== wantBoth[t]) expect.fail(`every ${every}, offset ${offset}, long/short bar ${t}`);
        }
      }
    }
  });
});
