import { describe, expect, it } from "vitest";
import { StudioError } from "../core/errors.js";
import { decodeCursor, encodeCursor } from "./list-cursor.js";

const runId = "0d9b7a4e-6f0c-4a8b-9c1d-2e3f4a5b6c7d";

describe("list cursor", () => {
  it("decodes what it encodes", () => {
    const cursor = { createdAt: 1_700_000_000_123, runId };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["not JSON", Buffer.from("{nope").toString("base64url")],
    ["wrong shape", Buffer.from(JSON.stringify({ createdAt: 1, runId })).toString("base64url")],
    ["run id that is a path", Buffer.from(JSON.stringify([1, "../../etc"])).toString("base64url")],
    ["fractional time", Buffer.from(JSON.stringify([1.5, runId])).toString("base64url")],
  ])("refuses a cursor that is %s with CONFIG_INVALID", (_, text) => {
    let caught: unknown;
    try {
      decodeCursor(text);
    } catch (err) {
      caught = err;
    }
    expect(caught instanceof StudioError && caught.code, "a bad cursor is the client's error").toBe(
      "CONFIG_INVALID",
    );
  });
});
