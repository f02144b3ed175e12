import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

const src = (text: string) => ({ path: "p", text });
const kinds = (text: string) => tokenize(src(text)).map((t) => `${t.kind}:${t.text}@${t.pos}`);

describe("tokenize", () => {
  it("reads numbers, names, keywords, $vars and operators with their offsets", () => {
    expect(kinds("rsi(close, 14) <= $lo and not x"), "every token").toEqual([
      "name:rsi@0",
      "op:(@3",
      "name:close@4",
      "op:,@9",
      "number:14@11",
      "op:)@13",
      "op:<=@15",
      "var:lo@18",
      "keyword:and@22",
      "keyword:not@26",
      "name:x@30",
      "end:@31",
    ]);
  });

  it("parses decimal and exponent numbers to their values", () => {
    const values = tokenize(src("70 0.5 1e-3 2E2")).map((t) => t.value);
    expect(values, "numeric values").toEqual([70, 0.5, 0.001, 200, undefined]);
  });

  it("takes the longest operator and keeps . as the output selector", () => {
    expect(kinds("a>=b==c!=d.e=f"), "two-character operators first").toEqual([
      "name:a@0",
      "op:>=@1",
      "name:b@3",
      "op:==@4",
      "name:c@6",
      "op:!=@7",
      "name:d@9",
      "op:.@10",
      "name:e@11",
      "op:=@12",
      "name:f@13",
      "end:@14",
    ]);
  });

  it("rejects characters outside the language, with a hint for the usual suspects", () => {
    expect(() => tokenize(src("a && b")), "&&").toThrow('unexpected "&"; write "and" (at column 3)');
    expect(() => tokenize(src("a || b")), "||").toThrow('unexpected "|"; write "or" (at column 3)');
    expect(() => tokenize(src("!a")), "!").toThrow('unexpected "!"; write "not" (or != for "not equal")');
    expect(() => tokenize(src("close[1]")), "[").toThrow("write prev(x, k) for the value k bars earlier");
    expect(() => tokenize(src('close > "1"')), "strings").toThrow('unexpected "\\"" (at column 9)');
    expect(() => tokenize(src("$ x")), "bare $").toThrow(
      "expected a var name after $, e.g. $fast (at column 1)",
    );
    expect(() => tokenize(src("10days")), "number glued to a name").toThrow(
      'unexpected "d" after a number (at column 3)',
    );
  });
});
