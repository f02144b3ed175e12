/**
 * @module store/migrations
 * The database schema as numbered, append-only migrations. A database records what it has applied in
 * `schema_migrations` (version, name, applied_at) and mirrors the highest version in `PRAGMA user_version`, so
 * `sqlite3 studio.db 'pragma user_version'` answers without reading a table. Migrations are never edited once
 * released: a schema change is a new entry at the end. A database newer than this code is refused rather than
 * written to by code that does not know its columns.
 */
import type BetterSqlite3 from "better-sqlite3";
import { StudioError } from "../core/errors.js";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial schema: runs, presets, candle and feature caches, run progress, retention state",
    sql: `
CREATE TABLE runs (
  run_id TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  run_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  stage TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  completed_at INTEGER,
  error_code TEXT,
  error_message TEXT,
  config_json TEXT NOT NULL CHECK (json_valid(config_json)),
  seed INTEGER NOT NULL,
  metrics_summary_json TEXT CHECK (metrics_summary_json IS NULL OR json_valid(metrics_summary_json)),
  artifacts_manifest_sha TEXT
) STRICT;
CREATE INDEX runs_hash_idx ON runs (hash);
CREATE INDEX runs_run_hash_idx ON runs (run_hash);
CREATE INDEX runs_status_idx ON runs (status);
CREATE INDEX runs_created_at_idx ON runs (created_at DESC);
-- Retention walks completed runs newest-first; without this it sorts the whole table.
CREATE INDEX runs_completed_at_idx ON runs (status, completed_at DESC);

CREATE TABLE presets (
  name TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  config_json TEXT NOT NULL CHECK (json_valid(config_json))
) STRICT;

CREATE TABLE candle_cache (
  candle_hash TEXT PRIMARY KEY,
  provider TEXT NOT NULL,
  symbol TEXT NOT NULL,
  timeframe TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  row_count INTEGER NOT NULL CHECK (row_count >= 0),
  created_at INTEGER NOT NULL,
  path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  quality_json TEXT NOT NULL CHECK (json_valid(quality_json))
) STRICT;
CREATE INDEX candle_cache_source_idx ON candle_cache (provider, symbol, timeframe);

CREATE TABLE feature_cache (
  feature_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  params_json TEXT NOT NULL CHECK (json_valid(params_json)),
  candle_hash TEXT NOT NULL REFERENCES candle_cache (candle_hash) ON DELETE CASCADE,
  row_count INTEGER NOT NULL CHECK (row_count >= 0),
  created_at INTEGER NOT NULL,
  path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0)
) STRICT;
-- The cascade from candle_cache looks rows up by candle_hash.
CREATE INDEX feature_cache_candle_idx ON feature_cache (candle_hash);

CREATE TABLE run_progress (
  run_id TEXT PRIMARY KEY REFERENCES runs (run_id) ON DELETE CASCADE,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  last_stage TEXT,
  progress_ratio REAL NOT NULL CHECK (progress_ratio >= 0 AND progress_ratio <= 1),
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE retention_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`,
  },
  {
    version: 2,
    name: "runs.owner_pid: the process executing a running run, so start-up recovery spares live owners",
    sql: "ALTER TABLE runs ADD COLUMN owner_pid INTEGER;",
  },
  {
    version: 3,
    name: "runs.finished_at for every final status; completed_at only for completed runs",
    // Until now completed_at held the end of failed and cancelled runs too: it moves to finished_at.
    sql: `
ALTER TABLE runs ADD COLUMN finished_at INTEGER;
UPDATE runs SET finished_at = completed_at WHERE status IN ('completed', 'failed', 'cancelled');
UPDATE runs SET completed_at = NULL WHERE status <> 'completed';
`,
  },
  {
    version: 4,
    name: "sweeps and sweep_trials; runs.sweep_id links a sweep's top trials re-run as full runs",
    sql: `
CREATE TABLE sweeps (
  sweep_id TEXT PRIMARY KEY,
  sweep_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
  stage TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  error_code TEXT,
  error_message TEXT,
  spec_json TEXT NOT NULL CHECK (json_valid(spec_json)),
  trials_planned INTEGER NOT NULL CHECK (trials_planned >= 0),
  trials_done INTEGER NOT NULL DEFAULT 0 CHECK (trials_done >= 0),
  trials_skipped INTEGER NOT NULL DEFAULT 0 CHECK (trials_skipped >= 0),
  trials_failed INTEGER NOT NULL DEFAULT 0 CHECK (trials_failed >= 0),
  best_trial INTEGER,
  best_objective REAL,
  artifacts_manifest_sha TEXT,
  owner_pid INTEGER
) STRICT;
CREATE INDEX sweeps_hash_idx ON sweeps (sweep_hash);
CREATE INDEX sweeps_status_idx ON sweeps (status);
CREATE INDEX sweeps_created_at_idx ON sweeps (created_at DESC);

CREATE TABLE sweep_trials (
  sweep_id TEXT NOT NULL REFERENCES sweeps (sweep_id) ON DELETE CASCADE,
  trial_index INTEGER NOT NULL CHECK (trial_index >= 0),
  params_json TEXT NOT NULL CHECK (json_valid(params_json)),
  status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  objective REAL,
  metrics_json TEXT CHECK (metrics_json IS NULL OR json_valid(metrics_json)),
  error_code TEXT,
  error_message TEXT,
  PRIMARY KEY (sweep_id, trial_index)
) STRICT, WITHOUT ROWID;
-- "Best first" and "by status" within a sweep.
CREATE INDEX sweep_trials_best_idx ON sweep_trials (sweep_id, objective DESC, trial_index);
CREATE INDEX sweep_trials_status_idx ON sweep_trials (sweep_id, status);

ALTER TABLE runs ADD COLUMN sweep_id TEXT REFERENCES sweeps (sweep_id) ON DELETE SET NULL;
CREATE INDEX runs_sweep_idx ON runs (sweep_id);
`,
  },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies every migration newer than the database, each in its own IMMEDIATE transaction (so two processes
 * opening a fresh home at once do not both run it). Returns the versions applied.
 */
export function applyMigrations(
  db: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const current = db.prepare<[], { v: number | null }>("SELECT max(version) AS v FROM schema_migrations");
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const found = current.get()?.v ?? 0;
  if (found > latest) {
    throw new StudioError(
      "INTERNAL",
      `database ${db.name} is at schema version ${found}, newer than this studio knows (${latest}); upgrade the studio`,
    );
  }
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  const applied: number[] = [];
  for (const m of migrations) {
    const step = db.transaction(() => {
      // Re-read inside the lock: another process may have applied it since we looked.
      if ((current.get()?.v ?? 0) >= m.version) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, now());
      db.pragma(`user_version = ${m.version}`);
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}
