/**
 * @module web/studio/live-progress
 * Follows a run through the API's event stream (SSE) and reports its overall progress: finished stages plus
 * the current stage's ratio, over the number of stages. Closes itself at the run's `end` event.
 */
export interface Progress {
  readonly stage: string | null;
  /** 0..1 over the whole run. */
  readonly overall: number;
  readonly status?: string;
  readonly ended: boolean;
}

export function followRun(
  runId: string,
  stages: readonly string[],
  onUpdate: (p: Progress) => void,
): () => void {
  const source = new EventSource(`/api/runs/${runId}/events`);
  let stage: string | null = null;
  let ratio = 0;
  const overall = () => {
    const i = stage === null ? 0 : Math.max(0, stages.indexOf(stage));
    return Math.min(1, (i + ratio) / Math.max(1, stages.length));
  };
  const on = (type: string, fn: (data: Record<string, unknown>) => void) =>
    source.addEventListener(type, (e) =>
      fn((JSON.parse((e as MessageEvent).data) as { data: Record<string, unknown> }).data),
    );
  on("stage", (d) => {
    stage = String(d.stage);
    ratio = 0;
    onUpdate({ stage, overall: overall(), ended: false });
  });
  on("progress", (d) => {
    stage = String(d.stage);
    ratio = Number(d.ratio);
    onUpdate({ stage, overall: overall(), ended: false });
  });
  on("end", (d) => {
    source.close();
    onUpdate({
      stage,
      overall: d.status === "completed" ? 1 : overall(),
      status: String(d.status),
      ended: true,
    });
  });
  // A finished run answers 204, which ends the EventSource; the page then reads the run's final state.
  source.onerror = () => {
    if (source.readyState === EventSource.CLOSED) onUpdate({ stage, overall: overall(), ended: true });
  };
  return () => source.close();
}
