import { describe, expect, it } from "vitest";
import { openTempDb } from "../test-support/temp-db.js";
import { RetentionRepo } from "./retention-repo.js";

describe("RetentionRepo", () => {
  it("stores text values and parses numeric ones", () => {
    const repo = new RetentionRepo(openTempDb());
    repo.set("last_sweep_at", 1700, 1);
    repo.set("note", "hello", 2);
    expect(repo.get("last_sweep_at")).toBe("1700");
    expect(repo.getNumber("last_sweep_at")).toBe(1700);
    expect(repo.getNumber("note"), "non-numeric text is not a number").toBeUndefined();
    expect(repo.getNumber("missing")).toBeUndefined();
    expect(repo.all().map((e) => e.key)).toEqual(["last_sweep_at", "note"]);
  });

  it("increments a counter from zero and keeps integer text", () => {
    const repo = new RetentionRepo(openTempDb());
    expect(repo.increment("deleted_total", 3, 1)).toBe(3);
    expect(repo.increment("deleted_total", 4, 2)).toBe(7);
    expect(repo.get("deleted_total")).toBe("7");
  });
});
