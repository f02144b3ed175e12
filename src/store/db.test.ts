import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./db.js";
import { applyMigrations, MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { tempDbFile } from "./test-support/temp-db.js";

describe("openDatabase", () => {
  it("opens in WAL mode with foreign keys on and a busy timeout", () => {
    const db = openDatabase(tempDbFile());
    expect(db.pragma("journal_mode", { simple: true }), "WAL lets readers run beside the writer").toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true }), "cascades depend on foreign keys").toBe(1);
    expect(db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it("creates the parent folder of a new database file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "a", "b", "studio.db");
    openDatabase(file).close();
    expect(new Database(file).pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
  });

  it("creates every table and index of docs/architecture.md#sqlite", () => {
    const db = openDatabase(tempDbFile());
    const names = (type: string) =>
      db
        .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name")
        .all(type)
        .map((r) => r.name);
    expect(names("table")).toEqual(
      expect.arrayContaining([
        "runs",
        "presets",
        "candle_cache",
        "feature_cache",
        "run_progress",
        "retention_state",
        "schema_migrations",
      ]),
    );
    expect(names("index")).toEqual(
      expect.arrayContaining([
        "runs_hash_idx",
        "runs_run_hash_idx",
        "runs_status_idx",
        "runs_created_at_idx",
        "feature_cache_candle_idx",
      ]),
    );
    db.close();
  });
});

describe("migrations", () => {
  it("records each applied version once and applies nothing on a second open", () => {
    const file = tempDbFile();
    openDatabase(file).close();
    const db = openDatabase(file);
    const rows = db.prepare("SELECT version FROM schema_migrations").all();
    expect(rows, "reopening must not re-run a migration").toEqual(
      MIGRATIONS.map((m) => ({ version: m.version })),
    );
    expect(applyMigrations(db)).toEqual([]);
    db.close();
  });

  it("applies a new numbered migration to an existing database and bumps user_version", () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    const next = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: "extra", sql: "CREATE TABLE extra (x)" },
    ];
    expect(applyMigrations(db, next)).toEqual([SCHEMA_VERSION + 1]);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    db.close();
  });

  it("refuses a database newer than the code", () => {
    const file = tempDbFile();
    const db = openDatabase(file);
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 0)").run();
    db.close();
    expect(() => openDatabase(file)).toThrow(/schema version 999, newer than this studio knows/);
  });

  it("rolls back a failing migration whole", () => {
    const db = openDatabase(tempDbFile());
    const bad = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: "bad", sql: "CREATE TABLE half (x); SELECT * FROM missing_table" },
    ];
    expect(() => applyMigrations(db, bad)).toThrow(/missing_table/);
    const half = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get();
    expect(half, "the table created before the failure must be rolled back").toBeUndefined();
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("rejects a run status outside the five statuses", () => {
    const db = openDatabase(tempDbFile());
    const insert = () =>
      db
        .prepare(`INSERT INTO runs (run_id, hash, run_hash, status, created_at, updated_at, config_json, seed)
          VALUES ('r', 'h', 'rh', 'paused', 0, 0, '{}', 1)`)
        .run();
    expect(insert).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
