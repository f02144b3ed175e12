/** A fresh database file in its own temporary folder, for tests that need a real WAL database on disk. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Db, openDatabase } from "../db.js";

export function tempDbFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "studio-db-")), "studio.db");
}

export function openTempDb(): Db {
  return openDatabase(tempDbFile());
}
