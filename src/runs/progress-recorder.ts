/**
 * @module runs/progress-recorder
 * Keeps `run_progress` in step with a run's events: the last seq, the stage and the ratio over the whole run
 * (stage index plus the ratio within the stage, over the number of stages). A reconnecting client and a process
 * following the run from outside read it; it is advisory, so a failure to record never breaks the event stream.
 */
import type { Store } from "../store/store.js";
import { type RunEvent, STAGES, type Stage } from "./events.js";

export class ProgressRecorder {
  private readonly stageIndex = new Map<string, number>();

  constructor(private readonly store: Store) {}

  /** The stage a run is in (the executor calls this as each stage starts). */
  enter(runId: string, stage: Stage): void {
    this.stageIndex.set(runId, STAGES.indexOf(stage));
  }

  stageOf(runId: string): Stage {
    return STAGES[this.stageIndex.get(runId) ?? 0]!;
  }

  forget(runId: string): void {
    this.stageIndex.delete(runId);
  }

  record(event: RunEvent): void {
    const idx = this.stageIndex.get(event.run_id) ?? 0;
    let ratio = idx / STAGES.length;
    if (event.type === "progress") ratio = (idx + (event.data as { ratio: number }).ratio) / STAGES.length;
    if (event.type === "end" && (event.data as { status: string }).status === "completed") ratio = 1;
    try {
      this.store.runProgress.record({
        runId: event.run_id,
        lastSeq: event.seq,
        lastStage: event.type === "end" ? null : (STAGES[idx] ?? null),
        progressRatio: Math.min(1, Math.max(0, ratio)),
        updatedAt: event.ts,
      });
    } catch {
      // The run row may be gone (deleted mid-stream); progress is advisory.
    }
  }
}
