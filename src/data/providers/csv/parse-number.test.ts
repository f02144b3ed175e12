import { describe, expect, it } from "vitest";
import { parseNumber } from "./parse-number.js";

const whole = (text: string) => parseNumber(text, 0, text.length);

describe("parseNumber", () => {
  it("returns exactly what Number() returns for decimals, exponents and long mantissas", () => {
    const samples = [
      "0",
      "42",
      "-12.5",
      "+3.25",
      "0.1",
      "1.07219",
      "42000.5",
      "22351900",
      "0.000012345",
      "123456789012345",
      "1234567890123456789",
      "1.5e3",
      "-2E-4",
      "007",
      "5.",
      ".5",
      "9007199254740993",
      "0.30000000000000004",
      "  7  ",
    ];
    for (const s of samples)
      expect(Object.is(whole(s), Number(s)), `${JSON.stringify(s)} -> ${Number(s)}`).toBe(true);
  });

  it("matches Number() on random prices with up to 8 decimals", () => {
    let seed = 1;
    for (let k = 0; k < 20_000; k++) {
      seed = (seed * 16807) % 2147483647;
      const s = ((seed / 2147483647) * 10 ** (k % 7)).toFixed(k % 9);
      if (!Object.is(whole(s), Number(s)))
        expect.fail(`sample ${k}: ${s} -> ${whole(s)}, Number() says ${Number(s)}`);
    }
  });

  it("parses a range inside a longer string", () => {
    expect(parseNumber("a,12.75,b", 2, 7)).toBe(12.75);
  });

  it("gives NaN for empty, blank and non-numeric cells", () => {
    for (const s of ["", "  ", "-", ".", "abc", "1.2.3", "1,5", "NaN"])
      expect(whole(s), JSON.stringify(s)).toBeNaN();
  });

  it("reads only decimal numbers: hex, binary, octal, Infinity and empty cells are NaN", () => {
    for (const s of [
      "0x10",
      "0X1F",
      "-0x10",
      "0b1",
      "0o7",
      "Infinity",
      "-Infinity",
      "+Infinity",
      "",
      " ",
      "1e",
      "e5",
      "1_000",
    ])
      expect(whole(s), `${JSON.stringify(s)} is not a decimal number`).toBeNaN();
  });
});
