import { describe, expect, it } from "vitest";
import { binomial, forEachCombination } from "./combinations.js";

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
});
