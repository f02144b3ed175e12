import { describe, expect, it } from "vitest";
import { openTempDb } from "../test-support/temp-db.js";
import { PresetsRepo } from "./presets-repo.js";

describe("PresetsRepo", () => {
  it("saves, replaces (keeping created_at), lists by name and deletes presets", () => {
    const repo = new PresetsRepo(openTempDb());
    repo.save("zeta", '{"a":1}', 100);
    repo.save("alpha", '{"a":2}', 200);
    const replaced = repo.save("zeta", '{"a":3}', 300);
    expect(replaced).toEqual({ name: "zeta", createdAt: 100, updatedAt: 300, configJson: '{"a":3}' });
    expect(repo.list().map((p) => p.name)).toEqual(["alpha", "zeta"]);
    expect(repo.delete("alpha")).toBe(true);
    expect(repo.get("alpha")).toBeUndefined();
    expect(repo.delete("alpha")).toBe(false);
  });

  it("refuses a config that is not JSON", () => {
    const repo = new PresetsRepo(openTempDb());
    expect(() => repo.save("p", "{not json", 1)).toThrow(/CHECK constraint failed/);
  });
});
