/**
 * @module runs/studio
 * The studio service: the one object the CLI and the HTTP server call. It submits runs (reusing an identical
 * completed or in-flight run unless forced), executes them through a queue, publishes their events, and keeps
 * the `runs` row, `run_progress` and the run folder consistent whatever happens: success, failure,
 * cancellation or a crash (recovered at the next start).
 */
import { mkdirSync, rmSync } from "node:fs";
import { CODE_VERSION } from "../core/code-version.js";
import { quote, StudioError } from "../core/errors.js";
import { configHash, type PluginVersions, runHash } from "../core/hashes.js";
import type { RunConfig } from "../core/run-config.js";
import type { HomePaths } from "../store/home.js";
import { processAlive } from "../store/process-alive.js";
import type { RunStatus } from "../store/repos/runs-repo.js";
import { openStore, type Store } from "../store/store.js";
import { builtinCatalog, type StudioCatalog } from "./builtin-catalog.js";
import { EventHub, type EventListener } from "./events/event-hub.js";
import { isTerminal } from "./events/events.js";
import { finalEvents } from "./events/final-events.js";
import { ProgressRecorder } from "./events/progress-recorder.js";
import { followRemote } from "./events/remote-follower.js";
import { type ExecuteDeps, executeRun } from "./lifecycle/execute-run.js";
import { OutcomeRecorder } from "./lifecycle/outcome-recorder.js";
import { recoverRuns } from "./lifecycle/recovery.js";
import { removeRun } from "./lifecycle/remove-run.js";
import { DEFAULT_KEEP_COMPLETED } from "./lifecycle/retention.js";
import { RunQueue } from "./lifecycle/run-queue.js";
import { mergeConfig } from "./merge-config.js";
import type { Pipeline } from "./pipeline-types.js";
import { PresetService } from "./preset-service.js";
import { assertRunId, newRunId, stagingDir } from "./run-paths.js";
import { type RunView, toRunView } from "./run-view.js";
import { untilAborted } from "./until-aborted.js";

export interface StudioOptions {
  readonly home: HomePaths;
  /** Every plugin runs may use (the built-ins when absent); `parseConfig` and `pipeline` must use the same. */
  readonly catalog?: StudioCatalog;
  /** Full, plugin-aware config validation (shape, names, params). */
  readonly parseConfig: (input: unknown) => RunConfig;
  /** Versions of the user plugins a config uses, hashed into its config_hash (none: built-ins only). */
  readonly pluginVersions?: (config: RunConfig) => PluginVersions;
  readonly pipeline: Pipeline;
  readonly concurrency?: number;
  readonly keepCompleted?: number;
  readonly clock?: () => number;
  /** Queue the runs a previous process left queued (the server does; a one-shot CLI run does not). */
  readonly resumeQueued?: boolean;
}

export interface SubmitOptions {
  readonly force?: boolean;
  /** Preset to start from (same as `preset_ref` in the config; the option wins). */
  readonly preset?: string;
}

export class Studio {
  readonly store: Store;
  readonly hub: EventHub;
  readonly presets: PresetService;
  /** The plugins this studio's runs may use: what the CLI lists and `GET /api/catalog` serves. */
  readonly catalog: StudioCatalog;
  readonly recovered: { interrupted: string[]; queued: string[] };
  private readonly queue: RunQueue;
  private readonly clock: () => number;
  private readonly progress: ProgressRecorder;
  /** Outcomes of finished runs that the database could not take yet (a full disk); shown as the runs' state. */
  private readonly outcomes: OutcomeRecorder;
  /** Runs executed by another process that this one is following; the value stops the polling. */
  private readonly followers = new Map<string, () => void>();

  private constructor(private readonly options: StudioOptions) {
    this.clock = options.clock ?? Date.now;
    this.catalog = options.catalog ?? builtinCatalog();
    mkdirSync(options.home.runs, { recursive: true });
    this.store = openStore(options.home.db);
    this.progress = new ProgressRecorder(this.store);
    this.outcomes = new OutcomeRecorder(this.store);
    this.hub = new EventHub(this.clock, (event) => this.progress.record(event));
    this.presets = new PresetService(this.store, options.home, options.parseConfig, this.clock);
    const deps: ExecuteDeps = {
      store: this.store,
      hub: this.hub,
      home: options.home,
      // Cancelling ends the run at once, whatever its current stage is waiting for (see until-aborted.ts); a
      // stage that settles later only gets its staging folder removed (it can no longer rename it into place).
      pipeline: (ctx) =>
        untilAborted(options.pipeline(ctx), ctx.signal, () =>
          rmSync(stagingDir(options.home, ctx.run.runId), { recursive: true, force: true }),
        ),
      progress: this.progress,
      outcomes: this.outcomes,
      clock: this.clock,
      keepCompleted: options.keepCompleted ?? DEFAULT_KEEP_COMPLETED,
    };
    this.queue = new RunQueue((id, signal) => executeRun(deps, id, signal), options.concurrency ?? 1);
    this.recovered = recoverRuns(
      this.store,
      options.home,
      this.clock(),
      (run) => !processAlive(run.ownerPid),
    );
    if (options.resumeQueued) for (const id of this.recovered.queued) this.queue.enqueue(id);
  }

  static open(options: StudioOptions): Studio {
    return new Studio(options);
  }

  /** Validates the config (after applying its preset) and queues a run, or returns the identical existing one. */
  submit(input: unknown, options: SubmitOptions = {}): { run: RunView; reused: boolean } {
    const config = this.resolveConfig(input, options.preset);
    const hash = configHash(config, CODE_VERSION, this.options.pluginVersions?.(config));
    const rh = runHash(hash);
    const now = this.clock();
    // Space may have been freed since a run failed on a full disk: its outcome goes in before anything new.
    this.outcomes.flush();
    const outcome = this.store.db
      .transaction(() => {
        const existing = options.force ? undefined : this.store.runs.findReusable(rh);
        // A run whose failure is not yet written looks in flight to the database; it is not reusable.
        if (existing && !this.outcomes.isPending(existing.runId))
          return { runId: existing.runId, reused: true };
        const runId = newRunId();
        this.store.runs.insert({
          runId,
          hash,
          runHash: rh,
          createdAt: now,
          configJson: JSON.stringify(config),
          seed: config.seed,
        });
        return { runId, reused: false };
      })
      .immediate();
    if (!outcome.reused) {
      this.hub.channel(outcome.runId).emit("status", { status: "queued" });
      this.queue.enqueue(outcome.runId);
    }
    return { run: this.get(outcome.runId), reused: outcome.reused };
  }

  get(runId: string): RunView {
    const row = this.store.runs.get(assertRunId(runId));
    if (!row) throw new StudioError("NOT_FOUND", `no run ${quote(runId)}`);
    return toRunView(this.outcomes.overlay(row), this.store.runProgress.get(runId));
  }

  list(
    options: { status?: RunStatus; limit?: number; cursor?: { createdAt: number; runId: string } } = {},
  ): RunView[] {
    return this.store.runs
      .list(options)
      .map((row) => toRunView(this.outcomes.overlay(row), this.store.runProgress.get(row.runId)));
  }

  /**
   * Replays the run's events after `afterSeq`, then live ones until `end`. A finished run replays its final
   * status and end; a run another process is executing is followed through the database.
   */
  subscribe(runId: string, afterSeq: number, listener: EventListener): () => void {
    const view = this.get(runId);
    const existing = this.hub.find(runId);
    if (!existing && isTerminal(view.status)) {
      const finished = {
        status: view.status,
        errorCode: view.error_code,
        errorMessage: view.error_message,
        metricsSummary: view.metrics_summary,
      };
      const ts = view.finished_at ?? view.updated_at;
      for (const event of finalEvents(runId, finished, view.progress?.last_seq ?? 0, ts)) {
        if (event.seq > afterSeq) listener(event);
      }
      return () => {};
    }
    const channel = existing ?? this.hub.channel(runId, view.progress?.last_seq ?? 0);
    const local = this.queue.isQueued(runId) || this.queue.isRunning(runId);
    if (!local && !channel.ended && !this.followers.has(runId)) {
      const stop = followRemote(this.store, channel);
      this.followers.set(runId, stop);
      channel.subscribe(Number.MAX_SAFE_INTEGER, (e) => {
        if (e.type === "end") this.followers.delete(runId);
      });
    }
    return channel.subscribe(afterSeq, listener);
  }

  /**
   * Resolves with the run once it reaches a final status (its `end` event, local or followed); rejects with
   * NOT_FOUND when the run is deleted first (e.g. by the other process executing it).
   */
  waitFor(runId: string): Promise<RunView> {
    return new Promise((resolve, reject) => {
      // The row turns final before the end event is emitted, so the row alone decides "already finished".
      const view = this.get(runId);
      if (isTerminal(view.status)) return resolve(view);
      this.subscribe(runId, Number.MAX_SAFE_INTEGER, (event) => {
        if (event.type !== "end") return;
        try {
          resolve(this.get(runId));
        } catch (err) {
          const gone = err instanceof StudioError && err.code === "NOT_FOUND";
          reject(gone ? new StudioError("NOT_FOUND", `run ${runId} was deleted before it finished`) : err);
        }
      });
    });
  }

  /**
   * Cancels a queued or running run; resolves once it has stopped, which is right away: a running run is ended
   * as `cancelled` when its signal aborts, without waiting for the stage in progress to reach a check.
   */
  async cancel(runId: string): Promise<RunView> {
    const view = this.get(runId);
    if (isTerminal(view.status)) {
      throw new StudioError(
        "INVALID_TRANSITION",
        `run ${runId} is already ${view.status}; only queued or running runs can be cancelled`,
      );
    }
    if (this.queue.cancel(runId) === "aborted") return this.waitFor(runId);
    if (view.status === "running") {
      throw new StudioError(
        "INVALID_TRANSITION",
        `run ${runId} is running in another studio process; cancel it there`,
      );
    }
    const now = this.clock();
    const recorded = this.outcomes.record(
      runId,
      {
        status: "cancelled",
        errorCode: "CANCELLED",
        errorMessage: "cancelled before it started",
        finishedAt: now,
        updatedAt: now,
      },
      ["queued"],
    );
    if (recorded !== "skipped") {
      const ch = this.hub.channel(runId, view.progress?.last_seq ?? 0);
      ch.emit("status", {
        status: "cancelled",
        error_code: "CANCELLED",
        error_message: "cancelled before it started",
      });
      ch.emit("end", {
        status: "cancelled",
        error: { code: "CANCELLED", message: "cancelled before it started" },
      });
    }
    return this.get(runId);
  }

  /** Deletes a finished run (folder and row); a queued run is cancelled first; a running one must be cancelled. */
  async delete(runId: string): Promise<void> {
    const view = this.get(runId);
    if (view.status === "running") {
      throw new StudioError("INVALID_TRANSITION", `run ${runId} is running; cancel it before deleting`);
    }
    if (view.status === "queued") await this.cancel(runId);
    removeRun(this.store, this.options.home, runId);
    this.outcomes.forget(runId);
    this.hub.forget(runId);
  }

  /** Stops taking work. Queued runs stay queued and a running run is left for start-up recovery. */
  shutdown(): void {
    this.queue.stop();
    for (const id of this.queue.runningIds) {
      this.hub.find(id)?.emit("log", {
        level: "warn",
        message: "studio is shutting down; the run will be marked INTERRUPTED at the next start",
      });
    }
  }

  /** Waits for queued and running work to finish (tests, one-shot CLI). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    for (const stop of this.followers.values()) stop();
    this.followers.clear();
    this.queue.stop();
    this.outcomes.close();
    this.store.close();
  }

  private resolveConfig(input: unknown, presetOption?: string): RunConfig {
    const given =
      typeof input === "object" && input !== null && !Array.isArray(input)
        ? (input as Record<string, unknown>)
        : undefined;
    const presetName = presetOption ?? (typeof given?.preset_ref === "string" ? given.preset_ref : undefined);
    if (presetName === undefined || given === undefined) return this.options.parseConfig(input);
    const { preset_ref: _ref, ...overrides } = given;
    const base = this.presets.get(presetName).config;
    return this.options.parseConfig({ ...(mergeConfig(base, overrides) as object), preset_ref: presetName });
  }
}
