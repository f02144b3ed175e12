/**
 * @module web/studio/live-sweep
 * Follows a sweep through the API's event stream (`/api/sweeps/:id/events`): trials done of the total and the
 * best objective so far after each batch, then the final status. Closes itself at the sweep's `end` event.
 */
export interface SweepProgress {
  readonly done: number;
  readonly total: number;
  readonly best: number | null;
  readonly status?: string;
  readonly ended: boolean;
}

export function followSweep(sweepId: string, onUpdate: (p: SweepProgress) => void): () => void {
  const source = new EventSource(`/api/sweeps/${sweepId}/events`);
  let last: SweepProgress = { done: 0, total: 0, best: null, ended: false };
  const on = (type: string, fn: (data: Record<string, unknown>) => void) =>
    source.addEventListener(type, (e) =>
      fn((JSON.parse((e as MessageEvent).data) as { data: Record<string, unknown> }).data),
    );
  on("progress", (d) => {
    last = {
      done: Number(d.done),
      total: Number(d.total),
      best: typeof d.best === "number" ? d.best : null,
      ended: false,
    };
    onUpdate(last);
  });
  on("end", (d) => {
    source.close();
    onUpdate({ ...last, status: String(d.status), ended: true });
  });
  // A finished sweep answers 204, which ends the EventSource; the page then reads the sweep's final state.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) onUpdate({ ...last, ended: true });
  };
  return () => source.close();
}
