/**
 * @module runs/events/event-hub
 * In-process fan-out of run events. Each run has a channel that numbers events, keeps them for replay (a client
 * that reconnects gets exactly what it missed) and notifies live subscribers. Progress is throttled here, once,
 * so no producer can flood consumers: a progress event is kept only when the ratio moved by at least 1% or the
 * stage finished.
 */
import type { RunEvent, RunEventData, RunEventType } from "./events.js";

export type EventListener = (event: RunEvent) => void;

const MIN_PROGRESS_STEP = 0.01;

export class RunChannel {
  readonly events: RunEvent[] = [];
  private readonly listeners = new Set<EventListener>();
  private lastRatio = -1;
  private lastProgressStage = "";
  ended = false;

  constructor(
    readonly runId: string,
    private seq: number,
    private readonly clock: () => number,
    private readonly persist?: (event: RunEvent) => void,
  ) {}

  get lastSeq(): number {
    return this.seq;
  }

  emit<T extends RunEventType>(type: T, data: RunEventData[T]): RunEvent<T> | undefined {
    if (this.ended) return undefined;
    if (type === "progress") {
      const p = data as RunEventData["progress"];
      const sameStage = p.stage === this.lastProgressStage;
      if (sameStage && p.ratio < 1 && p.ratio - this.lastRatio < MIN_PROGRESS_STEP) return undefined;
      this.lastRatio = p.ratio;
      this.lastProgressStage = p.stage;
    }
    const event: RunEvent<T> = { run_id: this.runId, seq: ++this.seq, type, ts: this.clock(), data };
    this.events.push(event);
    if (type === "end") this.ended = true;
    this.persist?.(event);
    for (const listener of this.listeners) listener(event);
    if (this.ended) this.listeners.clear();
    return event;
  }

  /** Replays events with seq > afterSeq, then delivers live ones until `end`. Returns an unsubscribe function. */
  subscribe(afterSeq: number, listener: EventListener): () => void {
    for (const event of this.events) if (event.seq > afterSeq) listener(event);
    if (this.ended) return () => {};
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export class EventHub {
  private readonly channels = new Map<string, RunChannel>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly persist?: (event: RunEvent) => void,
  ) {}

  /** The run's channel, created on first use with numbering continuing after `lastSeq`. */
  channel(runId: string, lastSeq = 0): RunChannel {
    let ch = this.channels.get(runId);
    if (!ch) {
      ch = new RunChannel(runId, lastSeq, this.clock, this.persist);
      this.channels.set(runId, ch);
    }
    return ch;
  }

  find(runId: string): RunChannel | undefined {
    return this.channels.get(runId);
  }

  forget(runId: string): void {
    this.channels.delete(runId);
  }
}
