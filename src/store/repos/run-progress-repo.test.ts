import { describe, expect, it } from "vitest";
import { openTempDb } from "../test-support/temp-db.js";
import { RunProgressRepo } from "./run-progress-repo.js";
import { RunsRepo } from "./runs-repo.js";

function setup() {
  const db = openTempDb();
  const runs = new RunsRepo(db);
  runs.insert({ runId: "r1", hash: "h", runHash: "rh", createdAt: 1, configJson: "{}", seed: 1 });
  return { runs, progress: new RunProgressRepo(db) };
}

describe("RunProgressRepo", () => {
  it("keeps the latest event and ignores one with a lower seq", () => {
    const { progress } = setup();
    progress.record({ runId: "r1", lastSeq: 5, lastStage: "simulation", progressRatio: 0.5, updatedAt: 10 });
    const stale = progress.record({
      runId: "r1",
      lastSeq: 3,
      lastStage: "indicators",
      progressRatio: 0.2,
      updatedAt: 11,
    });
    expect(stale, "an older event arriving late must not move progress back").toBe(false);
    expect(progress.get("r1")).toEqual({
      runId: "r1",
      lastSeq: 5,
      lastStage: "simulation",
      progressRatio: 0.5,
      updatedAt: 10,
    });
  });

  it("disappears with its run and refuses progress of an unknown run", () => {
    const { runs, progress } = setup();
    progress.record({ runId: "r1", lastSeq: 1, lastStage: null, progressRatio: 0, updatedAt: 1 });
    runs.delete("r1");
    expect(progress.get("r1")).toBeUndefined();
    expect(() =>
      progress.record({ runId: "ghost", lastSeq: 1, lastStage: null, progressRatio: 0, updatedAt: 1 }),
    ).toThrow(/FOREIGN KEY/);
  });

  it("rejects a ratio outside 0..1", () => {
    const { progress } = setup();
    expect(() =>
      progress.record({ runId: "r1", lastSeq: 1, lastStage: null, progressRatio: 1.5, updatedAt: 1 }),
    ).toThrow(/CHECK constraint failed/);
  });
});
