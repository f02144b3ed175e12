import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../../core/run-config.js";
import { type HomePaths, resolveHome } from "../../store/home.js";
import type { RunEvent } from "../events/events.js";
import { Studio } from "../studio.js";
import { CRASHED, crashedHome } from "../test-support/crashed-home.js";
import { fakePipeline } from "../test-support/fake-pipeline.js";
import { TEMP_FILE_GRACE_MS } from "./recovery.js";

const config = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2020-06-30",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
};

const open: Studio[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function newHome(): HomePaths {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-recovery-")));
  mkdirSync(home.runs, { recursive: true });
  return home;
}

function openStudio(home: HomePaths, pipeline = fakePipeline(), clock?: () => number): Studio {
  const s = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline, clock });
  open.push(s);
  return s;
}

describe("crash recovery", () => {
  it("numbers the final events of an interrupted run after its last one, so a client that saw it learns the end", () => {
    const s = openStudio(crashedHome(), fakePipeline(), () => 5_000);
    const events: RunEvent[] = [];
    s.subscribe(CRASHED, 7, (e) => events.push(e));
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [8, "status"],
      [9, "end"],
    ]);
    expect(events[1]?.data).toMatchObject({ status: "failed", error: { code: "INTERRUPTED" } });
    expect(s.store.runProgress.get(CRASHED), "run_progress records them, stage kept").toMatchObject({
      lastSeq: 9,
      lastStage: "validation",
      progressRatio: 0.7,
    });
    const view = s.get(CRASHED);
    expect(view.finished_at).toBe(5_000);
    expect(view.completed_at, "only completed runs have completed_at").toBeNull();
  });

  it("sweeps temporary files of interrupted cache writes, but not fresh ones another process may be writing", () => {
    const home = newHome();
    const folder = path.join(home.candleCache, "csv", "X", "1h");
    mkdirSync(folder, { recursive: true });
    const orphan = path.join(folder, ".tmp-abc.parquet.0123");
    const fresh = path.join(folder, ".tmp-def.parquet.4567");
    const kept = path.join(folder, "abc.parquet");
    for (const f of [orphan, fresh, kept]) writeFileSync(f, "x");
    const old = (Date.now() - TEMP_FILE_GRACE_MS - 60_000) / 1000;
    utimesSync(orphan, old, old);
    utimesSync(kept, old, old);
    openStudio(home);
    expect(existsSync(orphan), "an orphan older than the grace period is removed").toBe(false);
    expect(existsSync(fresh), "a fresh temporary file is left alone").toBe(true);
    expect(existsSync(kept), "cache files are not temporary files").toBe(true);
  });
});

describe("run_progress and finish times", () => {
  it("shows no stage for a queued run that never started, and the stage a run ended in after end", async () => {
    const s = openStudio(newHome(), fakePipeline({ blockUntilCancelled: true }));
    const a = s.submit({ ...config, seed: 1 }).run.run_id;
    const b = s.submit({ ...config, seed: 2 }).run.run_id;
    expect(s.get(b).status).toBe("queued");
    expect(s.store.runProgress.get(b)?.lastStage, "b never started").toBeNull();
    await s.cancel(b);
    expect(s.store.runProgress.get(b)).toMatchObject({ lastSeq: 3, lastStage: null });
    await new Promise<void>((resolve) => {
      s.subscribe(a, 0, (e) => {
        if (e.type === "stage" && (e.data as { stage: string }).stage === "validation") resolve();
      });
    });
    await s.cancel(a);
    expect(s.store.runProgress.get(a)?.lastStage, "a ended in validation").toBe("validation");
    for (const id of [a, b]) {
      const view = s.get(id);
      expect(view.status).toBe("cancelled");
      expect(view.finished_at, id).toEqual(expect.any(Number));
      expect(view.completed_at, id).toBeNull();
    }
  });

  it("keeps the last stage and ratio 1 for a completed run, with completed_at = finished_at", async () => {
    const s = openStudio(newHome());
    const id = s.submit(config).run.run_id;
    const done = await s.waitFor(id);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({ stage: "artifacts", ratio: 1 });
    expect(done.completed_at).toEqual(expect.any(Number));
    expect(done.finished_at).toBe(done.completed_at);
  });

  it("sets finished_at but not completed_at for a failed run", async () => {
    const s = openStudio(newHome(), fakePipeline({ failAt: { stage: "metrics", code: "DATA_INVALID" } }));
    const done = await s.waitFor(s.submit(config).run.run_id);
    expect(done.status).toBe("failed");
    expect(done.progress?.stage).toBe("metrics");
    expect(done.finished_at).toEqual(expect.any(Number));
    expect(done.completed_at).toBeNull();
  });
});
