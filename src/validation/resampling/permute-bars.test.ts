import { describe, expect, it } from "vitest";
import type { Candles } from "../../core/candles.js";
import { Rng } from "../../core/rng.js";
import { randomCandles } from "../test-support/random-candles.js";
import { permuteBars } from "./permute-bars.js";

const COLUMNS = ["ts", "open", "high", "low", "close", "volume"] as const;

function gaps(c: Candles, s: number): number[] {
  const out: number[] = [];
  for (let i = s + 1; i < c.close.length; i++) out.push(Math.log(c.open[i]! / c.close[i - 1]!));
  return out.sort((a, b) => a - b);
}

/** (dh, dl, dc, volume) per bar, sorted lexicographically so multisets compare element by element. */
function bodies(c: Candles, s: number): number[][] {
  const out: number[][] = [];
  for (let i = s + 1; i < c.close.length; i++) {
    const o = c.open[i]!;
    out.push([Math.log(c.high[i]! / o), Math.log(c.low[i]! / o), Math.log(c.close[i]! / o), c.volume[i]!]);
  }
  return out.sort((a, b) => a[2]! - b[2]! || a[0]! - b[0]! || a[1]! - b[1]!);
}

describe("permuteBars", () => {
  const candles = randomCandles(500, 11);
  const s = 20;
  const permuted = permuteBars(candles, Rng.fromSeed(5).derive(0), s);

  it("keeps the first startIndex + 1 bars bit-identical and every timestamp unchanged", () => {
    for (const col of COLUMNS) {
      for (let i = 0; i <= s; i++) expect(permuted[col][i], `${col}[${i}]`).toBe(candles[col][i]);
    }
    expect(Array.from(permuted.ts)).toEqual(Array.from(candles.ts));
  });

  it("preserves the last close to 1e-9 relative: a product does not depend on the order of its factors", () => {
    const last = candles.close.length - 1;
    expect(Math.abs(permuted.close[last]! / candles.close[last]! - 1)).toBeLessThan(1e-9);
  });

  it("preserves the multiset of gaps and of (dh, dl, dc) triples with their volumes", () => {
    const g0 = gaps(candles, s);
    const g1 = gaps(permuted, s);
    expect(g1.length, "as many gaps").toBe(g0.length);
    g0.forEach((g, k) => {
      if (!(Math.abs(g1[k]! - g) < 1e-12)) expect.fail(`gap ${k}: ${g1[k]} vs ${g}`);
    });
    const b0 = bodies(candles, s);
    const b1 = bodies(permuted, s);
    expect(b1.length, "as many intrabar triples").toBe(b0.length);
    b0.forEach((b, k) => {
      for (let j = 0; j < 3; j++) {
        if (!(Math.abs(b1[k]![j]! - b[j]!) < 1e-12)) expect.fail(`body ${k}.${j}: ${b1[k]![j]} vs ${b[j]}`);
      }
      if (b1[k]![3] !== b[3])
        expect.fail(`body ${k}: volume ${b1[k]![3]} did not travel with its triple (${b[3]})`);
    });
  });

  it("produces only valid bars: low <= min(open, close) <= max(open, close) <= high", () => {
    for (let i = 0; i < permuted.close.length; i++) {
      const { open: o, high: h, low: l, close: c } = permuted;
      if (!(l[i]! <= Math.min(o[i]!, c[i]!) && Math.max(o[i]!, c[i]!) <= h[i]!)) {
        expect.fail(`bar ${i}: o=${o[i]} h=${h[i]} l=${l[i]} c=${c[i]}`);
      }
    }
  });

  it("actually reorders the bars and differs between replication streams", () => {
    const other = permuteBars(candles, Rng.fromSeed(5).derive(1), s);
    let moved = 0;
    for (let i = s + 1; i < 500; i++) if (permuted.close[i] !== candles.close[i]) moved++;
    expect(moved, "almost every close moves").toBeGreaterThan(400);
    expect(Array.from(other.close)).not.toEqual(Array.from(permuted.close));
  });

  it("draws each of the 3! x 3! joint permutations of 3 bars about equally often", () => {
    // Bars 1..3 are permuted (s = 0); 36 outcomes, each with probability 1/36. Over 3600 streams each count is
    // Binomial(3600, 1/36): mean 100, sd 9.9; [50, 150] is a 5-sd band.
    const tiny: Candles = {
      ts: Float64Array.from([0, 1, 2, 3]),
      open: Float64Array.from([10, 11, 13, 17]),
      high: Float64Array.from([12, 14, 19, 29]),
      low: Float64Array.from([9, 10.5, 12.9, 16.3]),
      close: Float64Array.from([11, 12, 15, 20]),
      volume: Float64Array.from([1, 2, 3, 4]),
    };
    const counts = new Map<string, number>();
    const root = Rng.fromSeed(99);
    for (let r = 0; r < 3600; r++) {
      const p = permuteBars(tiny, root.derive(r), 0);
      const key = `${Array.from(p.volume).join()}|${Array.from(p.open, (o, i) => (i === 0 ? 0 : (o / p.close[i - 1]!).toFixed(6))).join()}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size, "all 36 outcomes occur").toBe(36);
    for (const [key, count] of counts) expect(count, key).toBeGreaterThanOrEqual(50);
    for (const [key, count] of counts) expect(count, key).toBeLessThanOrEqual(150);
  });

  it("returns an unchanged copy when no bar follows the start index, and rejects an index outside the series", () => {
    const copy = permuteBars(candles, Rng.fromSeed(1), 499);
    expect(Array.from(copy.close)).toEqual(Array.from(candles.close));
    expect(() => permuteBars(candles, Rng.fromSeed(1), 500)).toThrow(/outside/);
  });
});
