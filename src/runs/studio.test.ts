import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../core/run-config.js";
import { resolveHome } from "../store/home.js";
import { openStore } from "../store/store.js";
import type { RunEvent } from "./events/events.js";
import type { Pipeline } from "./pipeline-types.js";
import { runDir } from "./run-paths.js";
import { Studio } from "./studio.js";
import { fakePipeline } from "./test-support/fake-pipeline.js";

const config = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2020-06-30",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
};

const open: Studio[] = [];
function studio(pipeline: Pipeline = fakePipeline(), extra: Partial<Parameters<typeof Studio.open>[0]> = {}) {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
  const s = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline, ...extra });
  open.push(s);
  return s;
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function collect(s: Studio, runId: string): RunEvent[] {
  const events: RunEvent[] = [];
  s.subscribe(runId, 0, (e) => events.push(e));
  return events;
}

describe("Studio lifecycle", () => {
  it("runs a submitted config to completed, emitting status, stage and end events in order", async () => {
    const s = studio();
    const { run, reused } = s.submit(config);
    expect(reused).toBe(false);
    const events = collect(s, run.run_id);
    const done = await s.waitFor(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.artifacts_manifest_sha).toMatch(/^[0-9a-f]{64}$/);
    const kinds = events.map((e) =>
      e.type === "stage"
        ? `stage:${(e.data as { stage: string }).stage}`
        : e.type === "status"
          ? `status:${(e.data as { status: string }).status}`
          : e.type,
    );
    expect(kinds.filter((k) => !k.startsWith("progress"))).toEqual([
      "status:queued",
      "status:running",
      "stage:data_loading",
      "stage:indicators",
      "stage:simulation",
      "stage:metrics",
      "stage:validation",
      "stage:artifacts",
      "status:completed",
      "end",
    ]);
    expect(
      events.map((e) => e.seq),
      "seq increases by one per event",
    ).toEqual(events.map((_, i) => i + 1));
    expect(s.get(run.run_id).progress).toEqual({ last_seq: events.length, stage: "artifacts", ratio: 1 });
  });

  it("returns the existing run for an identical config unless forced", async () => {
    const s = studio();
    const first = s.submit(config).run;
    const again = s.submit({ ...config, strategy: { params: { slow: 20, fast: 5 }, name: "sma_crossover" } });
    expect(again.reused, "key order does not matter").toBe(true);
    expect(again.run.run_id).toBe(first.run_id);
    await s.idle();
    expect(s.submit(config).run.run_id, "a completed run is reused too").toBe(first.run_id);
    const forced = s.submit(config, { force: true });
    expect(forced.reused).toBe(false);
    expect(forced.run.run_id).not.toBe(first.run_id);
  });

  it("records a failure with its code and leaves no run folder behind", async () => {
    const s = studio(fakePipeline({ failAt: { stage: "metrics", code: "DATA_INVALID" } }));
    const { run } = s.submit(config);
    const done = await s.waitFor(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.error_code).toBe("DATA_INVALID");
    expect(done.error_message).toContain("injected failure at metrics");
    expect(existsSync(runDir(resolveHome(path.dirname(s.store.db.name)), run.run_id))).toBe(false);
  });

  it("cancels a running run promptly and a queued one before it starts", async () => {
    const s = studio(fakePipeline({ blockUntilCancelled: true }));
    const a = s.submit(config).run;
    const b = s.submit({ ...config, seed: 7 }).run;
    // The fake pipeline spins in validation until cancelled: wait for that stage, not for a guessed delay.
    await new Promise<void>((resolve) =>
      s.subscribe(a.run_id, 0, (e) => {
        if (e.type === "stage" && (e as RunEvent<"stage">).data.stage === "validation") resolve();
      }),
    );
    expect(s.get(a.run_id).status).toBe("running");
    expect((await s.cancel(b.run_id)).status).toBe("cancelled");
    // The pipeline never ends on its own, so cancel resolving at all shows the cancellation reached it.
    const cancelled = await s.cancel(a.run_id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.error_code).toBe("CANCELLED");
    await expect(s.cancel(a.run_id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("replays a finished run's final events to a late subscriber in a new process", async () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
    const s1 = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline: fakePipeline() });
    const { run } = s1.submit(config);
    await s1.waitFor(run.run_id);
    const lastSeq = s1.get(run.run_id).progress!.last_seq;
    s1.close();
    const s2 = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline: fakePipeline() });
    open.push(s2);
    const events: RunEvent[] = [];
    s2.subscribe(run.run_id, 0, (e) => events.push(e));
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [lastSeq - 1, "status"],
      [lastSeq, "end"],
    ]);
  });

  it("refuses ids that are not run ids as NOT_FOUND", () => {
    const s = studio();
    expect(() => s.get("../../etc")).toThrow(/no run/);
  });
});

describe("Studio recovery and retention", () => {
  it("marks runs left running as INTERRUPTED, removes their files, and re-queues queued runs", async () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
    mkdirSync(home.runs, { recursive: true });
    const store = openStore(home.db);
    const cfg = parseRunConfigShape(config);
    const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    store.runs.insert({
      runId: ids[0]!,
      hash: "h0",
      runHash: "r0",
      createdAt: 1,
      configJson: JSON.stringify(cfg),
      seed: 42,
      status: "running",
      stage: "simulation",
    });
    store.runs.insert({
      runId: ids[1]!,
      hash: "h1",
      runHash: "r1",
      createdAt: 2,
      configJson: JSON.stringify(cfg),
      seed: 42,
    });
    mkdirSync(runDir(home, ids[0]!));
    writeFileSync(path.join(runDir(home, ids[0]!), "partial.parquet"), "half");
    mkdirSync(path.join(home.runs, `.staging-${ids[0]}`));
    store.close();

    const s = Studio.open({
      home,
      parseConfig: parseRunConfigShape,
      pipeline: fakePipeline(),
      resumeQueued: true,
    });
    open.push(s);
    const crashed = s.get(ids[0]!);
    expect(crashed.status).toBe("failed");
    expect(crashed.error_code).toBe("INTERRUPTED");
    expect(existsSync(runDir(home, ids[0]!)), "partial folder removed").toBe(false);
    expect(existsSync(path.join(home.runs, `.staging-${ids[0]}`)), "staging swept").toBe(false);
    expect((await s.waitFor(ids[1]!)).status, "the queued run ran").toBe("completed");
  });

  it("leaves a running run alone while the process that owns it is alive", () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
    const store = openStore(home.db);
    const cfg = JSON.stringify(parseRunConfigShape(config));
    const id = "55555555-5555-4555-8555-555555555555";
    store.runs.insert({
      runId: id,
      hash: "h",
      runHash: "r",
      createdAt: 1,
      configJson: cfg,
      seed: 42,
      status: "running",
    });
    store.runs.update(id, { ownerPid: process.ppid, updatedAt: 2 });
    store.close();
    const s = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline: fakePipeline() });
    open.push(s);
    expect(s.get(id).status, "its owner (this test's parent process) is alive").toBe("running");
    expect(s.recovered.interrupted).toEqual([]);
  });

  it("keeps the newest completed runs and never touches queued, failed or running ones", async () => {
    const real = fakePipeline();
    const failing = fakePipeline({ failAt: { stage: "data_loading", code: "INTERNAL" } });
    const s = studio((ctx) => (ctx.config.seed === 999 ? failing(ctx) : real(ctx)), { keepCompleted: 100 });
    const failed = s.submit({ ...config, seed: 999 }).run.run_id;
    await s.idle();
    // Rows another process owns: a queued and a running run this studio never executes.
    const cfg = JSON.stringify(parseRunConfigShape(config));
    const queued = "33333333-3333-4333-8333-333333333333";
    const running = "44444444-4444-4444-8444-444444444444";
    s.store.runs.insert({ runId: queued, hash: "q", runHash: "q", createdAt: 0, configJson: cfg, seed: 1 });
    s.store.runs.insert({
      runId: running,
      hash: "r",
      runHash: "r",
      createdAt: 0,
      configJson: cfg,
      seed: 1,
      status: "running",
    });
    const ids: string[] = [];
    for (let i = 0; i < 103; i++) {
      ids.push(s.submit({ ...config, seed: i }).run.run_id);
      await s.idle();
    }
    expect(s.store.runs.count("completed")).toBe(100);
    for (const id of ids.slice(0, 3)) expect(() => s.get(id), `oldest run ${id} deleted`).toThrow(/no run/);
    const home = resolveHome(path.dirname(s.store.db.name));
    for (const id of ids.slice(3))
      expect(existsSync(runDir(home, id)), `run ${id} kept with its folder`).toBe(true);
    expect(s.get(failed).status, "failed runs are not retention's business").toBe("failed");
    expect(s.get(queued).status).toBe("queued");
    expect(s.get(running).status).toBe("running");
    expect(s.store.retention.getNumber("deleted_total")).toBe(3);
  });
});

describe("Studio presets", () => {
  it("starts a run from a preset with the given fields overriding it", async () => {
    const s = studio();
    s.presets.save("base", config);
    const { run } = s.submit({ preset_ref: "base", strategy: { params: { fast: 7 } } });
    const cfg = run.config as { strategy: { params: Record<string, number> }; preset_ref: string };
    expect(cfg.strategy.params).toEqual({ fast: 7, slow: 20 });
    expect(cfg.preset_ref).toBe("base");
  });

  it("rejects an invalid preset at save time and an unknown one at run time", () => {
    const s = studio();
    expect(() => s.presets.save("bad", { ...config, timeframe: "7m" })).toThrow(/timeframe/);
    expect(() => s.presets.save("../x", config)).toThrow(/preset name/);
    expect(() => s.submit({ preset_ref: "nope" })).toThrow(/no preset "nope"/);
  });
});

describe("Studio following another process's run", () => {
  it("streams a run executed by another studio on the same home through to its end", async () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
    // The executor: a second studio instance stands for a server process sharing the home.
    const executor = Studio.open({
      home,
      parseConfig: parseRunConfigShape,
      pipeline: fakePipeline({ slowStages: 40 }),
    });
    const watcher = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline: fakePipeline() });
    open.push(executor, watcher);
    const { run } = executor.submit(config);
    const seen: RunEvent[] = [];
    watcher.subscribe(run.run_id, 0, (e) => seen.push(e));
    const done = await watcher.waitFor(run.run_id);
    expect(done.status).toBe("completed");
    expect(seen.at(-1)?.type, "the follower delivers the end event").toBe("end");
    expect(
      seen.some((e) => e.type === "stage"),
      "and the stages it saw on the way",
    ).toBe(true);
    const seqs = seen.map((e) => e.seq);
    expect(seqs, "seq still increases").toEqual([...seqs].sort((a, b) => a - b));
  });
});
