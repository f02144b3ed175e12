import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type HomePaths, resolveHome } from "../store/home.js";
import type { RunPatch } from "../store/repos/runs-repo.js";
import { openStore } from "../store/store.js";
import { enospc } from "../store/test-support/full-disk.js";
import type { RunEvent } from "./events/events.js";
import { parseRunConfig } from "./parse-config.js";
import { runPipeline } from "./pipeline.js";
import type { Pipeline } from "./pipeline-types.js";
import { Studio } from "./studio.js";
import { walkFiles } from "./test-support/walk-files.js";

/** Bytes each artifact write may put on disk before it fails with ENOSPC; Infinity means a disk with room. */
const disk = vi.hoisted(() => ({ budget: Number.POSITIVE_INFINITY }));

vi.mock("../store/atomic-write.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../store/atomic-write.js")>();
  const { fullDiskIo } = await import("../store/test-support/full-disk.js");
  return {
    ...real,
    writeFileAtomicAsync: (target: string, data: Parameters<typeof real.writeFileAtomicAsync>[1]) =>
      real.writeFileAtomicAsync(
        target,
        data,
        Number.isFinite(disk.budget) ? fullDiskIo(disk.budget) : undefined,
      ),
  };
});

const config = {
  symbol: "SYN",
  timeframe: "1h",
  start: "2024-01-01",
  end: "2024-01-10",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
};

const open: Studio[] = [];
const homes = new WeakMap<Studio, HomePaths>();
function studio(pipeline: Pipeline = runPipeline): Studio {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-full-")));
  const s = Studio.open({ home, parseConfig: parseRunConfig, pipeline });
  open.push(s);
  homes.set(s, home);
  return s;
}

afterEach(() => {
  disk.budget = Number.POSITIVE_INFINITY;
  vi.restoreAllMocks();
  for (const s of open.splice(0)) s.close();
});

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sqliteFull = () => new Database.SqliteError("database or disk is full", "SQLITE_FULL");

/** Makes the studio's row updates that match `when` fail as on a full disk while `state.full` holds. */
function failUpdates(s: Studio, when: (patch: RunPatch) => boolean) {
  const state = { full: true, refused: 0 };
  const update = s.store.runs.update.bind(s.store.runs);
  vi.spyOn(s.store.runs, "update").mockImplementation((runId, patch, onlyIf) => {
    if (state.full && when(patch)) {
      state.refused++;
      throw sqliteFull();
    }
    return update(runId, patch, onlyIf);
  });
  return state;
}

function events(s: Studio, runId: string): RunEvent[] {
  const out: RunEvent[] = [];
  s.subscribe(runId, 0, (e) => out.push(e));
  return out;
}

describe("a run on a full disk", () => {
  it("ends failed with STORAGE_FULL, leaves no files, and the next run completes once there is room", async () => {
    const s = studio();
    disk.budget = 200; // small files fit, the Parquet files and the plot do not
    const { run } = s.submit(config);
    const seen = events(s, run.run_id);
    const done = await s.waitFor(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.error_code, done.error_message ?? "").toBe("STORAGE_FULL");
    expect(done.error_message).toMatch(/ENOSPC/);
    expect(seen.at(-1), "SSE subscribers get the end").toMatchObject({
      type: "end",
      data: { status: "failed", error: { code: "STORAGE_FULL" } },
    });
    const home = homes.get(s)!;
    expect(walkFiles(home.runs), "no run folder or staging folder").toEqual([]);
    expect(
      walkFiles(home.root).filter((f) => f.includes(".tmp-")),
      "no temporary file",
    ).toEqual([]);

    disk.budget = Number.POSITIVE_INFINITY;
    const again = s.submit(config);
    expect(again.reused, "a failed run is not reused").toBe(false);
    expect((await s.waitFor(again.run.run_id)).status).toBe("completed");
  });

  it("still ends when not even the failure can be recorded, and records it once space is freed", async () => {
    const s = studio(async () => {
      throw enospc();
    });
    const full = failUpdates(s, (patch) => patch.status === "failed");
    const { run } = s.submit(config);
    const done = await s.waitFor(run.run_id);
    expect(full.refused, "the database refused the failure record").toBeGreaterThan(0);
    expect(done.status, "the studio shows the outcome it could not write").toBe("failed");
    expect(done.error_code).toBe("STORAGE_FULL");
    expect(s.list().find((r) => r.run_id === run.run_id)?.status, "lists agree").toBe("failed");
    expect(events(s, run.run_id).at(-1)).toMatchObject({ type: "end", data: { status: "failed" } });
    await expect(s.cancel(run.run_id), "a finished run cannot be cancelled").rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    const other = openStore(s.store.db.name);
    try {
      expect(other.runs.get(run.run_id)?.status, "the row itself is not written yet").toBe("running");
      full.full = false;
      const written = await until(() => {
        const row = other.runs.get(run.run_id);
        return row?.status === "failed" ? row : undefined;
      }, "the retried failure record");
      expect(written.errorCode).toBe("STORAGE_FULL");
    } finally {
      other.close();
    }
    await s.delete(run.run_id);
    expect(() => s.get(run.run_id)).toThrow(/no run/);
  });

  it("is not reused by an identical submission while its failure is unwritten, and can be deleted", async () => {
    const s = studio(async () => {
      throw enospc();
    });
    failUpdates(s, (patch) => patch.status === "failed");
    const first = s.submit(config).run;
    await s.waitFor(first.run_id);
    const second = s.submit(config);
    expect(second.reused, "the stuck-looking row is a failed run").toBe(false);
    await s.waitFor(second.run.run_id);
    await s.delete(first.run_id);
    expect(s.list().map((r) => r.run_id)).toEqual([second.run.run_id]);
  });

  it("ends a run whose claim cannot be written", async () => {
    const s = studio();
    failUpdates(s, (patch) => patch.status === "running");
    const { run } = s.submit(config);
    const done = await s.waitFor(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.error_code).toBe("STORAGE_FULL");
  });
});
