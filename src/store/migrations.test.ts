import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS } from "./migrations.js";
import { SweepsRepo } from "./repos/sweeps-repo.js";
import { tempDbFile } from "./test-support/temp-db.js";

describe("migration 3: finished_at", () => {
  it("moves the end of failed and cancelled runs from completed_at to finished_at", () => {
    const db = new Database(tempDbFile());
    applyMigrations(
      db,
      MIGRATIONS.filter((m) => m.version < 3),
    );
    const insert = db.prepare(`INSERT INTO runs (run_id, hash, run_hash, status, created_at, updated_at,
      completed_at, config_json, seed) VALUES (?, 'h', 'rh', ?, 1, 1, ?, '{}', 1)`);
    insert.run("done", "completed", 10);
    insert.run("broke", "failed", 20);
    insert.run("stopped", "cancelled", 30);
    insert.run("waiting", "queued", null);
    expect(
      applyMigrations(
        db,
        MIGRATIONS.filter((m) => m.version <= 3),
      ),
    ).toEqual([3]);
    const rows = db.prepare("SELECT run_id, completed_at, finished_at FROM runs ORDER BY run_id").all();
    expect(rows).toEqual([
      { run_id: "broke", completed_at: null, finished_at: 20 },
      { run_id: "done", completed_at: 10, finished_at: 10 },
      { run_id: "stopped", completed_at: null, finished_at: 30 },
      { run_id: "waiting", completed_at: null, finished_at: null },
    ]);
    db.close();
  });
});

describe("migration 4: sweeps", () => {
  it("adds sweeps and sweep_trials to an existing database; deleting a sweep drops its trials and unlinks its runs", () => {
    const db = new Database(tempDbFile());
    db.pragma("foreign_keys = ON");
    applyMigrations(
      db,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    db.prepare(`INSERT INTO runs (run_id, hash, run_hash, status, created_at, updated_at, config_json, seed)
      VALUES ('r1', 'h', 'rh', 'completed', 1, 1, '{}', 1)`).run();
    expect(applyMigrations(db)).toEqual([4]);
    const repo = new SweepsRepo(db);
    repo.create({ sweepId: "s1", sweepHash: "sh", specJson: "{}", planned: 3, skipped: 1, now: 5 });
    const trial = (i: number, objective: number) => ({
      trialIndex: i,
      paramsJson: "{}",
      status: "done" as const,
      objective,
      metricsJson: JSON.stringify({ metrics: { sharpe: -objective } }),
      errorCode: null,
      errorMessage: null,
    });
    repo.commitTrials("s1", [trial(0, 1), trial(1, Number.POSITIVE_INFINITY)], 6);
    repo.commitTrials("s1", [trial(0, 99)], 7);
    expect(repo.get("s1")?.trialsDone, "a trial committed twice counts once").toBe(2);
    const byObjective = repo.trialsPage("s1", { sort: "objective", desc: true, limit: 10, offset: 0 });
    expect(
      byObjective.map((t) => t.objective),
      "the first commit of trial 0 stays; Infinity is kept",
    ).toEqual([Number.POSITIVE_INFINITY, 1]);
    const bySharpe = repo.trialsPage("s1", { sort: "sharpe", desc: true, limit: 10, offset: 0 });
    expect(
      bySharpe.map((t) => t.trialIndex),
      "sorted by a metric inside metrics_json",
    ).toEqual([0, 1]);
    db.prepare("UPDATE runs SET sweep_id = 's1'").run();
    repo.delete("s1");
    expect(db.prepare("SELECT count(*) AS n FROM sweep_trials").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT sweep_id FROM runs").get()).toEqual({ sweep_id: null });
    db.close();
  });
});
