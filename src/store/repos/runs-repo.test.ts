import { describe, expect, it } from "vitest";
import { openTempDb } from "../test-support/temp-db.js";
import { type NewRun, RunsRepo } from "./runs-repo.js";

function newRun(runId: string, createdAt: number, runHash = `rh-${runId}`): NewRun {
  return { runId, hash: "c".repeat(64), runHash, createdAt, configJson: '{"symbol":"SYN"}', seed: 42 };
}

describe("RunsRepo", () => {
  it("inserts a queued run with updated_at = created_at and reads it back in camelCase", () => {
    const repo = new RunsRepo(openTempDb());
    const row = repo.insert(newRun("r1", 1000));
    expect(row).toEqual({
      runId: "r1",
      hash: "c".repeat(64),
      runHash: "rh-r1",
      status: "queued",
      stage: null,
      createdAt: 1000,
      updatedAt: 1000,
      startedAt: null,
      completedAt: null,
      finishedAt: null,
      errorCode: null,
      errorMessage: null,
      configJson: '{"symbol":"SYN"}',
      seed: 42,
      metricsSummaryJson: null,
      artifactsManifestSha: null,
      ownerPid: null,
    });
    expect(repo.get("missing")).toBeUndefined();
  });

  it("updates only the patched columns, including setting one back to null", () => {
    const repo = new RunsRepo(openTempDb());
    repo.insert(newRun("r1", 1000));
    repo.update("r1", { status: "running", stage: "data_loading", startedAt: 1100, updatedAt: 1100 });
    repo.update("r1", { stage: null, updatedAt: 1200, metricsSummaryJson: '{"sharpe":1}' });
    const row = repo.get("r1")!;
    expect(row.status).toBe("running");
    expect(row.stage, "an explicit null clears the stage").toBeNull();
    expect(row.startedAt, "columns left out of the patch keep their value").toBe(1100);
    expect(row.updatedAt).toBe(1200);
    expect(row.metricsSummaryJson).toBe('{"sharpe":1}');
  });

  it("changes status only from the allowed statuses when asked (compare-and-set)", () => {
    const repo = new RunsRepo(openTempDb());
    repo.insert(newRun("r1", 1000));
    repo.update("r1", { status: "completed", completedAt: 2000, updatedAt: 2000 });
    const cancelled = repo.update("r1", { status: "cancelled", updatedAt: 2100 }, ["queued", "running"]);
    expect(cancelled, "a completed run cannot be cancelled").toBe(false);
    expect(repo.get("r1")!.status).toBe("completed");
    expect(repo.update("missing", { stage: "x", updatedAt: 1 })).toBe(false);
  });

  it("finds the newest queued, running or completed run by run hash, never a failed or cancelled one", () => {
    const repo = new RunsRepo(openTempDb());
    repo.insert(newRun("old", 1000, "same"));
    repo.insert(newRun("failed", 3000, "same"));
    repo.update("failed", { status: "failed", errorCode: "INTERNAL", updatedAt: 3001 });
    repo.insert(newRun("new", 2000, "same"));
    expect(repo.findReusable("same")?.runId).toBe("new");
    repo.update("new", { status: "cancelled", updatedAt: 4000 });
    expect(repo.findReusable("same")?.runId).toBe("old");
    expect(repo.findReusable("other")).toBeUndefined();
  });

  it("lists newest first with a status filter and pages by (created_at, run_id) cursor without repeats", () => {
    const repo = new RunsRepo(openTempDb());
    for (const [id, at] of [
      ["a", 100],
      ["b", 200],
      ["c", 200],
      ["d", 300],
      ["e", 400],
    ] as const) {
      repo.insert(newRun(id, at));
    }
    repo.update("d", { status: "failed", updatedAt: 500 });
    expect(repo.list().map((r) => r.runId)).toEqual(["e", "d", "c", "b", "a"]);
    const page1 = repo.list({ limit: 2 });
    const last = page1[page1.length - 1]!;
    const page2 = repo.list({ limit: 2, cursor: { createdAt: last.createdAt, runId: last.runId } });
    const last2 = page2[page2.length - 1]!;
    const page3 = repo.list({ limit: 2, cursor: { createdAt: last2.createdAt, runId: last2.runId } });
    expect([page1, page2, page3].map((p) => p.map((r) => r.runId))).toEqual([["e", "d"], ["c", "b"], ["a"]]);
    expect(repo.list({ status: "failed" }).map((r) => r.runId)).toEqual(["d"]);
    expect(repo.list({ status: ["failed", "queued"], limit: 2 }).map((r) => r.runId)).toEqual(["e", "d"]);
    expect(repo.count(), "count without a filter counts every run").toBe(5);
    expect(repo.count("queued")).toBe(4);
  });

  it("lists completed runs by completion time, newest first, with an offset for retention", () => {
    const repo = new RunsRepo(openTempDb());
    for (const [id, done] of [
      ["a", 900],
      ["b", 700],
      ["c", 800],
    ] as const) {
      repo.insert(newRun(id, 100));
      repo.update(id, { status: "completed", completedAt: done, updatedAt: done });
    }
    repo.insert(newRun("running", 50));
    expect(repo.listCompleted().map((r) => r.runId)).toEqual(["a", "c", "b"]);
    expect(
      repo.listCompleted({ offset: 2 }).map((r) => r.runId),
      "keeping 2 leaves the oldest",
    ).toEqual(["b"]);
  });

  it("deletes a run and reports whether it existed", () => {
    const repo = new RunsRepo(openTempDb());
    repo.insert(newRun("r1", 1));
    expect(repo.delete("r1")).toBe(true);
    expect(repo.delete("r1")).toBe(false);
    expect(repo.get("r1")).toBeUndefined();
  });
});
