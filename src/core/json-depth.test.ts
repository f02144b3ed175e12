import { describe, expect, it } from "vitest";
import { StudioError } from "./errors.js";
import { assertJsonDepth, jsonDepth } from "./json-depth.js";
import { LIMITS } from "./limits.js";

describe("jsonDepth", () => {
  it("counts the deepest nesting of arrays and objects", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth("{}")).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
    expect(jsonDepth("[[],[[]],[]]")).toBe(3);
  });

  it("skips brackets inside strings, including after escaped quotes and backslashes", () => {
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('["\\"[[[", "\\\\", [1]]')).toBe(2);
    expect(jsonDepth('["\\\\"]')).toBe(1);
  });

  it("scans 400k levels without recursion and stops once past the limit", () => {
    const deep = "[".repeat(400_000);
    expect(jsonDepth(deep)).toBe(400_000);
    expect(jsonDepth(deep, 64)).toBe(65);
  });
});

describe("assertJsonDepth", () => {
  it("accepts the limit and refuses one level more with CONFIG_INVALID naming the limit", () => {
    const nest = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(() => assertJsonDepth(nest(LIMITS.maxJsonDepth), "x")).not.toThrow();
    let caught: unknown;
    try {
      assertJsonDepth(nest(LIMITS.maxJsonDepth + 1), 'config "c.json"');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(StudioError);
    expect((caught as StudioError).code).toBe("CONFIG_INVALID");
    expect((caught as StudioError).message).toContain('config "c.json"');
    expect((caught as StudioError).message).toContain(String(LIMITS.maxJsonDepth));
  });
});
