/**
 * @module sweeps/sweep-service
 * Sweeps in a studio home: submit (the same spec again returns its sweep unless forced), execute in this process
 * with each finished batch of trials committed, resume (only the missing trials run), cancel, verify, delete,
 * and start-up recovery of sweeps whose process died. Candles come through the candle cache and every distinct
 * indicator of the sweep through the feature cache, once. When the trials are done: artifacts in
 * `sweeps/{sweep_id}/` with their manifest's sha256 in the row, then the top_k trials submitted as ordinary runs
 * linked by `runs.sweep_id`.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { StudioError, toStudioError } from "../core/errors.js";
import { loadCandles } from "../data/cache/candle-cache.js";
import { verifyArtifacts } from "../runs/artifacts/verify-artifacts.js";
import { loadFeatures } from "../runs/feature-cache.js";
import type { Studio } from "../runs/studio.js";
import { defaultThreads } from "../runs/workers/validation-pool.js";
import type { HomePaths } from "../store/home.js";
import { processAlive } from "../store/process-alive.js";
import type { SweepRow, SweepsRepo } from "../store/repos/sweeps-repo.js";
import { executeSweep, type SweepProgress, type TrialRecord } from "./execute-sweep.js";
import { catalogCheck } from "./plan/catalog-check.js";
import { planSweep, type SweepPlan } from "./plan/sweep-plan.js";
import { parseSweepSpec } from "./plan/sweep-spec.js";
import { sweepSummary } from "./sweep-summary.js";
import { redisRunner } from "./transport/redis-runner.js";
import { decodeTrial, encodeTrial } from "./trial-codec.js";
import { TrialThreads } from "./trial-pool.js";
import { type RenderedFile, renderTrialFiles, writeSweepArtifacts } from "./write-sweep-artifacts.js";

/** Feature loads a sweep runs at once. */
const FEATURE_LOADS = 8;

/** `items` cut into at most `count` contiguous runs of about equal length, in order. */
function contiguousRuns<T>(items: readonly T[], count: number): T[][] {
  const runs: T[][] = [];
  const size = Math.ceil(items.length / count);
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  return runs;
}

const SWEEP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SweepServiceOptions {
  /** Worker threads for trials (default: STUDIO_THREADS or the number of cores). */
  readonly threads?: number;
  readonly clock?: () => number;
  /** Run the trials on `studio worker` processes through this Redis (sweeps/transport) instead of threads. */
  readonly redisUrl?: string;
}

export class SweepService {
  private readonly clock: () => number;
  private readonly active = new Map<string, { abort: AbortController; done: Promise<SweepRow> }>();
  private readonly listeners = new Map<string, Set<(e: SweepEvent) => void>>();
  /** Events of the sweeps run by this process, by sweep: what an SSE client resuming by seq is replayed. */
  private readonly events = new Map<string, SweepEvent[]>();
  /** The last submitted plan by its normalized spec's JSON: what running that sweep next would plan again. */
  private submitted: { readonly specJson: string; readonly plan: SweepPlan } | undefined;

  constructor(
    private readonly studio: Studio,
    private readonly home: HomePaths,
    private readonly options: SweepServiceOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
  }

  /** Folder of a sweep's artifacts. */
  dir(sweepId: string): string {
    assertSweepId(sweepId);
    return path.join(this.home.root, "sweeps", sweepId);
  }

  /** Plans the spec (every error before any work) and returns its sweep: the existing one, or a new queued one. */
  submit(input: unknown, options: { force?: boolean } = {}): { sweep: SweepRow; reused: boolean } {
    const plan = this.plan(input);
    const specJson = JSON.stringify(plan.spec);
    this.submitted = { specJson, plan };
    const store = this.studio.store;
    return store.db
      .transaction(() => {
        const existing = options.force ? undefined : store.sweeps.findByHash(plan.sweepHash);
        if (existing) return { sweep: existing, reused: true };
        const sweep = store.sweeps.create({
          sweepId: randomUUID(),
          sweepHash: plan.sweepHash,
          specJson,
          planned: plan.planned,
          skipped: plan.skipped,
          now: this.clock(),
        });
        return { sweep, reused: false };
      })
      .immediate();
  }

  get(sweepId: string): SweepRow {
    assertSweepId(sweepId);
    const row = this.studio.store.sweeps.get(sweepId);
    if (!row) throw new StudioError("NOT_FOUND", `no sweep ${sweepId}`, { sweep_id: sweepId });
    return row;
  }

  onProgress(sweepId: string, listener: (p: SweepProgress) => void): () => void {
    return this.subscribe(sweepId, Number.POSITIVE_INFINITY, (e) => {
      if (e.type === "progress") listener(e.data as unknown as SweepProgress);
    });
  }

  /**
   * Follows a sweep's events with seq > `after` (replayed from this process's log, then live). A sweep that is
   * not running here has only what its row says: one `end` event once it is final.
   */
  subscribe(sweepId: string, after: number, listener: (e: SweepEvent) => void): () => void {
    const row = this.get(sweepId);
    let set = this.listeners.get(sweepId);
    if (!set) this.listeners.set(sweepId, (set = new Set()));
    const log = this.events.get(sweepId);
    if (log === undefined && isFinal(row.status)) {
      const end: SweepEvent = { seq: 1, type: "end", data: { status: row.status } };
      if (after < 1) listener(end);
      return () => {};
    }
    for (const e of log ?? []) if (e.seq > after) listener(e);
    set.add(listener);
    return () => set.delete(listener);
  }

  private emit(sweepId: string, type: SweepEvent["type"], data: Record<string, unknown>): void {
    let log = this.events.get(sweepId);
    if (!log) this.events.set(sweepId, (log = []));
    const event: SweepEvent = { seq: log.length + 1, type, data };
    log.push(event);
    for (const l of this.listeners.get(sweepId) ?? []) l(event);
    if (type === "end") this.listeners.delete(sweepId);
  }

  /** Runs (or resumes) the sweep in this process; resolves with its final row. */
  run(sweepId: string): Promise<SweepRow> {
    const running = this.active.get(sweepId);
    if (running) return running.done;
    const row = this.get(sweepId);
    if (row.status === "completed") return Promise.resolve(row);
    const abort = new AbortController();
    const done = this.execute(row, abort).finally(() => this.active.delete(sweepId));
    this.active.set(sweepId, { abort, done });
    return done;
  }

  /**
   * Cancels a sweep: promptly (within one trial) when this process runs it; otherwise the row is marked
   * cancelled, and a live process running it stops after its current batch.
   */
  async cancel(sweepId: string): Promise<SweepRow> {
    const row = this.get(sweepId);
    const running = this.active.get(sweepId);
    if (running) {
      running.abort.abort();
      return running.done;
    }
    if (row.status === "completed" || row.status === "failed" || row.status === "cancelled") {
      throw new StudioError("INVALID_TRANSITION", `sweep ${sweepId} is already ${row.status}`, {
        status: row.status,
      });
    }
    this.finish(sweepId, "cancelled", { code: "CANCELLED", message: "sweep cancelled" });
    return this.get(sweepId);
  }

  /** Sweeps left `running` by a process that is gone: resumed here (server start-up). */
  recover(): string[] {
    const orphans = this.studio.store.sweeps
      .withStatus("running")
      .filter((s) => !processAlive(s.ownerPid))
      .map((s) => s.sweepId);
    for (const id of orphans) void this.run(id).catch(() => {});
    return orphans;
  }

  list(limit = 100): SweepRow[] {
    return this.studio.store.sweeps.list(limit);
  }

  trialsPage(sweepId: string, opts: Parameters<SweepsRepo["trialsPage"]>[1]) {
    return this.studio.store.sweeps.trialsPage(sweepId, opts);
  }

  /** Ids of the runs the sweep's top_k trials became, oldest first. */
  runIds(sweepId: string): string[] {
    this.get(sweepId);
    return this.studio.store.sweeps.runIds(sweepId);
  }

  trials(sweepId: string): TrialRecord[] {
    this.get(sweepId);
    return this.studio.store.sweeps.trials(sweepId).map(decodeTrial);
  }

  async verify(sweepId: string) {
    const row = this.get(sweepId);
    return verifyArtifacts(this.dir(sweepId), row.artifactsManifestSha);
  }

  delete(sweepId: string): void {
    this.get(sweepId);
    if (this.active.has(sweepId))
      throw new StudioError("INVALID_TRANSITION", `sweep ${sweepId} is running; cancel it first`);
    rmSync(this.dir(sweepId), { recursive: true, force: true });
    this.studio.store.sweeps.delete(sweepId);
  }

  private plan(input: unknown): SweepPlan {
    const spec = parseSweepSpec(input);
    const base = spec.base ?? this.studio.presets.get(spec.base_preset!).config;
    const catalog = this.studio.catalog;
    const pluginShas: Record<string, string> = {};
    for (const [family, entries] of Object.entries(catalog.origins)) {
      for (const [name, origin] of Object.entries(entries)) {
        if (origin !== "builtin") pluginShas[`${family}/${name}`] = origin.sha256;
      }
    }
    return planSweep(spec, { base, check: catalogCheck(catalog), pluginShas });
  }

  private async execute(row: SweepRow, abort: AbortController): Promise<SweepRow> {
    const signal = abort.signal;
    const store = this.studio.store;
    const id = row.sweepId;
    const now = this.clock;
    const threads = this.options.threads ?? defaultThreads();
    // Started first: the threads load their modules while this one plans and loads candles and features.
    const started =
      this.options.redisUrl === undefined && threads > 0 ? new TrialThreads(threads) : undefined;
    try {
      // Planning is a pure function of the normalized spec and this studio's (fixed) catalog: a sweep run right
      // after its submit reuses that plan.
      const reuse = this.submitted?.specJson === row.specJson ? this.submitted.plan : undefined;
      this.submitted = undefined;
      const plan = reuse ?? this.plan(JSON.parse(row.specJson));
      if (plan.sweepHash !== row.sweepHash) {
        throw new StudioError(
          "INVALID_TRANSITION",
          `sweep ${id} was planned by another code or plugin version; submit its spec again`,
        );
      }
      store.sweeps.update(
        id,
        {
          status: "running",
          stage: "data_loading",
          startedAt: row.startedAt ?? now(),
          ownerPid: process.pid,
        },
        now(),
      );
      const base = plan.spec.base;
      const catalog = this.studio.catalog;
      const data = await loadCandles(
        store.db,
        this.home,
        {
          provider: base.provider,
          symbol: base.symbol,
          timeframe: base.timeframe,
          start: base.start,
          end: base.end,
        },
        { signal, providers: catalog.providers },
      );
      const done = new Map(store.sweeps.trials(id).map((t) => [t.trialIndex, decodeTrial(t)]));
      store.sweeps.update(id, { stage: "trials" }, now());
      let rendered: RenderedFile[] | undefined;
      const outcome = await executeSweep({
        plan,
        catalog,
        candles: data.candles,
        features: async (indicators) => {
          // A sweep reads many cached indicators: a few contiguous runs of them load at once, so the file reads
          // overlap instead of waiting one after the other; joined in order, the columns are the same.
          const runs = contiguousRuns(indicators, FEATURE_LOADS);
          const loads = await Promise.all(
            runs.map((run) => loadFeatures(store, this.home, data.candles, data.candleHash, run, now)),
          );
          return loads.flatMap((l) => l.features.columns);
        },
        done,
        home: this.home.root,
        threads,
        ...(started ? { started } : {}),
        ...(this.options.redisUrl === undefined
          ? {}
          : { runTrials: await redisRunner(this.options.redisUrl, id, data, catalog) }),
        signal,
        onTrials: (records) => {
          store.sweeps.commitTrials(id, records.map(encodeTrial), now());
          // `studio sweeps cancel` from another process marks the row; this process stops at the next batch.
          if (store.sweeps.get(id)?.status === "cancelled") abort.abort();
        },
        onProgress: (p) => this.emit(id, "progress", { ...p }),
        whileStatistics: (records, best) => {
          rendered = renderTrialFiles(plan, records, best);
        },
      });
      // The threads end in the background while this one computes the statistics.
      void started?.destroy();
      store.sweeps.update(id, { stage: "artifacts" }, now());
      const summary = sweepSummary(plan, outcome, data.candles.ts.length);
      const written = writeSweepArtifacts(
        this.dir(id),
        { sweepId: id, createdAt: now() },
        plan,
        outcome,
        summary,
        rendered,
      );
      for (const index of outcome.top) {
        const trial = plan.trials.find((t) => t.index === index)!;
        const { run } = this.studio.submit(trial.config);
        store.db.prepare("UPDATE runs SET sweep_id = ? WHERE run_id = ?").run(id, run.run_id);
      }
      store.sweeps.update(
        id,
        {
          bestTrial: outcome.bestIndex,
          bestObjective: summary.statistics?.best_objective ?? null,
          artifactsManifestSha: written.manifest.sha256,
        },
        now(),
      );
      this.finish(id, "completed");
    } catch (err) {
      const e = toStudioError(err);
      this.finish(id, e.code === "CANCELLED" ? "cancelled" : "failed", { code: e.code, message: e.message });
    } finally {
      await started?.destroy();
    }
    return this.get(id);
  }

  private finish(
    id: string,
    status: "completed" | "failed" | "cancelled",
    error?: { code: string; message: string },
  ) {
    this.studio.store.sweeps.update(
      id,
      {
        status,
        stage: null,
        finishedAt: this.clock(),
        ownerPid: null,
        errorCode: error?.code ?? null,
        errorMessage: error?.message ?? null,
      },
      this.clock(),
    );
    this.emit(id, "end", { status, ...(error ? { error } : {}) });
  }
}

/** One event of a sweep: `progress` after each batch of trials, `end` once it is final. */
export interface SweepEvent {
  readonly seq: number;
  readonly type: "progress" | "end";
  readonly data: Record<string, unknown>;
}

function isFinal(status: string): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

function assertSweepId(id: string): void {
  if (!SWEEP_ID.test(id))
    throw new StudioError("NOT_FOUND", `no sweep ${JSON.stringify(id)}`, { sweep_id: id });
}
