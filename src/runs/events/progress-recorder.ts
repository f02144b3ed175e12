/**
 * @module runs/events/progress-recorder
 * Keeps `run_progress` in step with a run's events: the last seq, the stage the run is in (or ended in) and the
 * ratio over the whole run (stage index plus the ratio within the stage, over the number of stages). A
 * reconnecting client and a process following the run from outside read it; it is advisory, so a failure to
 * record never breaks the event stream. An event that does not name a stage records the stage this process saw
 * the run enter, or none: a queued run that never started has no stage, and one that ended keeps its last.
 */
import type { Store } from "../../store/store.js";
import { type RunEvent, type RunEventData, STAGES, type Stage } from "./events.js";

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
    const known = this.stageIndex.get(event.run_id);
    let stage: Stage | null = known === undefined ? null : STAGES[known]!;
    // Only events that say where the run is move the ratio; a log or status line keeps it.
    let ratio: number | null = null;
    if (event.type === "stage" || event.type === "progress") {
      const data = event.data as RunEventData["stage"] | RunEventData["progress"];
      stage = data.stage;
      const within = event.type === "progress" ? (data as RunEventData["progress"]).ratio : 0;
      ratio = (STAGES.indexOf(stage) + within) / STAGES.length;
    } else if (event.type === "end" && (event.data as RunEventData["end"]).status === "completed") {
      ratio = 1;
    }
    try {
      this.store.runProgress.record({
        runId: event.run_id,
        lastSeq: event.seq,
        lastStage: stage,
        progressRatio: ratio === null ? null : Math.min(1, Math.max(0, ratio)),
        updatedAt: event.ts,
      });
    } catch {
      // The run row may be gone (deleted mid-stream); progress is advisory.
    }
  }
}
