import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS } from "./migrations.js";
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
    expect(applyMigrations(db)).toEqual([3]);
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
