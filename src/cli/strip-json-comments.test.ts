import { describe, expect, it } from "vitest";
import { stripJsonComments } from "./strip-json-comments.js";

describe("stripJsonComments", () => {
  it("removes line and block comments but keeps comment-like text inside strings", () => {
    const text = '{\n  // a comment\n  "url": "http://x//y", /* block\n comment */ "a": "/* no */"\n}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: "http://x//y", a: "/* no */" });
  });

  it("keeps escaped quotes inside strings", () => {
    expect(JSON.parse(stripJsonComments('{"q": "say \\"hi\\" // not a comment"} // end'))).toEqual({
      q: 'say "hi" // not a comment',
    });
  });

  it("keeps line numbers so JSON.parse errors still point at the right place", () => {
    const stripped = stripJsonComments("{\n/* one\ntwo */\n}");
    expect(stripped.split("\n")).toHaveLength(4);
  });
});
