/**
 * @module runs/preset-service
 * Presets: named, complete run configs kept in the `presets` table and, for portability, as
 * `presets/{name}.json`. A preset is validated like a run config when saved (so a broken preset fails at save
 * time, not at run time) and may not itself name a preset. Names are checked against one pattern before they
 * touch the database or a path.
 */
import { mkdirSync, rmSync } from "node:fs";
import { quote, StudioError } from "../core/errors.js";
import type { RunConfig } from "../core/run-config.js";
import { PRESET_NAME_PATTERN } from "../core/run-config.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { safeJoin } from "../store/home.js";
import type { Store } from "../store/store.js";

export interface PresetView {
  name: string;
  created_at: number;
  updated_at: number;
  config: RunConfig;
}

export function assertPresetName(name: string): string {
  if (!PRESET_NAME_PATTERN.test(name)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `preset name ${quote(name)} must match ${PRESET_NAME_PATTERN.source}`,
      {
        issues: [{ path: "name", message: `must match ${PRESET_NAME_PATTERN.source}`, value: name }],
      },
    );
  }
  return name;
}

export class PresetService {
  constructor(
    private readonly store: Store,
    private readonly home: HomePaths,
    private readonly validate: (input: unknown) => RunConfig,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): PresetView[] {
    return this.store.presets.list().map((row) => ({
      name: row.name,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
      config: JSON.parse(row.configJson) as RunConfig,
    }));
  }

  get(name: string): PresetView {
    const row = this.store.presets.get(assertPresetName(name));
    if (!row) throw new StudioError("NOT_FOUND", `no preset ${quote(name)}`);
    return {
      name: row.name,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
      config: JSON.parse(row.configJson),
    };
  }

  /** Validates and stores the config under `name` (replacing any previous one); returns the normalized preset. */
  save(name: string, input: unknown): PresetView {
    assertPresetName(name);
    if (typeof input === "object" && input !== null && "preset_ref" in input) {
      throw new StudioError("CONFIG_INVALID", "preset_ref: a preset cannot itself start from a preset", {
        issues: [
          {
            path: "preset_ref",
            message: "not allowed in a preset",
            value: (input as { preset_ref: unknown }).preset_ref,
          },
        ],
      });
    }
    const config = this.validate(input);
    mkdirSync(this.home.presets, { recursive: true });
    const file = safeJoin(this.home.presets, `${name}.json`);
    // The file is written inside the row's transaction: if the write fails, the row change rolls back.
    this.store.db.transaction(() => {
      this.store.presets.save(name, JSON.stringify(config), this.clock());
      writeFileAtomic(file, `${JSON.stringify(config, null, 2)}\n`);
    })();
    return this.get(name);
  }

  delete(name: string): void {
    assertPresetName(name);
    if (!this.store.presets.delete(name)) throw new StudioError("NOT_FOUND", `no preset ${quote(name)}`);
    rmSync(safeJoin(this.home.presets, `${name}.json`), { force: true });
  }
}
