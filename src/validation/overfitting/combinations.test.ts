import { describe, expect, it } from "vitest";
import { binomial, combinationRank, forEachCombination } from "./combinations.js";

describe("combinations", () => {
  it("enumerates k-subsets in itertools.combinations order", () => {
    const seen: string[] = [];
    forEachCombination(4, 2, (c, i) => seen.push(`${i}:${c.join("")}`));
    expect(seen).toEqual(["0:01", "1:02", "2:03", "3:12", "4:13", "5:23"]);
  });

  it("counts C(16, 8) = 12870 and C(8, 4) = 70, matching the enumeration", () => {
    expect(binomial(16, 8)).toBe(12870);
    expect(binomial(8, 4)).toBe(70);
    let count = 0;
    forEachCombination(8, 4, () => count++);
    expect(count).toBe(70);
  });

  it("gives C(n, k) for every k, above n/2 too, as Pascal's triangle does", () => {
    let row = [1];
    for (let n = 0; n <= 24; n++) {
      for (let k = 0; k <= n; k++) expect(binomial(n, k), `C(${n}, ${k})`).toBe(row[k]);
      row = [1, ...row.slice(1).map((x, i) => x + row[i]!), 1];
    }
    expect(binomial(5, 6)).toBe(0);
  });

  it("ranks each subset at its position in the enumeration", () => {
    for (const [n, k] of [
      [16, 8],
      [7, 3],
      [5, 5],
      [6, 1],
    ] as const) {
      let bad = -1;
      forEachCombination(n, k, (c, i) => {
        if (bad < 0 && combinationRank(c, n) !== i) bad = i;
      });
      expect(bad, `C(${n}, ${k}): the subset enumerated at position ${bad} ranks elsewhere`).toBe(-1);
    }
  });
});
