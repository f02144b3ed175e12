/**
 * @module store/db
 * Opens `studio.db`: WAL journal (readers never block the single writer, and a crash loses at most the last
 * transaction), foreign keys enforced (SQLite leaves them off per connection by default), a busy timeout so a
 * second process waits for a lock instead of failing at once, and every pending migration applied before any
 * repository touches a table.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { StudioError } from "../core/errors.js";
import { applyMigrations } from "./migrations.js";

export type Db = Database.Database;

/** How long a connection waits for another writer's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(file: string): Db {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StudioError("INTERNAL", `cannot open database ${file}: ${(err as Error).message}`, undefined, {
      cause: err,
    });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = db.pragma("journal_mode = WAL", { simple: true });
    if (String(mode).toLowerCase() !== "wal") {
      throw new StudioError("INTERNAL", `database ${file}: WAL journal refused (got ${String(mode)})`);
    }
    // NORMAL is durable in WAL mode except for the last commits before a power loss, never corrupting.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    applyMigrations(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
