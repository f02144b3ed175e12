/**
 * @module store/repos/presets-repo
 * The `presets` table: named config templates. Saving a name again replaces its config and keeps its original
 * `created_at`, so "when was this preset first made" survives edits. (The portable `presets/{name}.json` copy is
 * written by the presets service, not here.)
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "../db.js";

export interface PresetRow {
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly configJson: string;
}

const SELECT =
  "SELECT name, created_at AS createdAt, updated_at AS updatedAt, config_json AS configJson FROM presets";

export class PresetsRepo {
  private readonly upsertStmt: Statement;
  private readonly getStmt: Statement<[string], PresetRow>;
  private readonly listStmt: Statement<[], PresetRow>;
  private readonly deleteStmt: Statement<[string]>;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(`INSERT INTO presets (name, created_at, updated_at, config_json)
      VALUES (@name, @now, @now, @configJson)
      ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at, config_json = excluded.config_json`);
    this.getStmt = db.prepare(`${SELECT} WHERE name = ?`);
    this.listStmt = db.prepare(`${SELECT} ORDER BY name`);
    this.deleteStmt = db.prepare("DELETE FROM presets WHERE name = ?");
  }

  /** Creates or replaces the preset; returns the stored row. */
  save(name: string, configJson: string, now: number): PresetRow {
    this.upsertStmt.run({ name, configJson, now });
    return this.get(name)!;
  }

  get(name: string): PresetRow | undefined {
    return this.getStmt.get(name);
  }

  /** Every preset, by name. */
  list(): PresetRow[] {
    return this.listStmt.all();
  }

  delete(name: string): boolean {
    return this.deleteStmt.run(name).changes > 0;
  }
}
