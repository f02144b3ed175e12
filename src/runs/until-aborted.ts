/**
 * @module runs/until-aborted
 * Lets a run stop when it is cancelled even if its current step never looks at the signal: a read stuck in the
 * kernel, a remote that never answers, a library call without an AbortSignal. The pipeline checks for
 * cancellation between steps, which is enough for steps that end; this bounds the wait for the others. The
 * abandoned step keeps its promise: when it settles later, its outcome is dropped (never an unhandled
 * rejection) and `afterAbandoned` cleans up what it may have written in the meantime.
 */
import { StudioError } from "../core/errors.js";

export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal,
  afterAbandoned: () => void = () => {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let abandoned = false;
    const onAbort = () => {
      abandoned = true;
      reject(new StudioError("CANCELLED", "run cancelled by the user"));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    const settle = (outcome: () => void) => {
      signal.removeEventListener("abort", onAbort);
      if (!abandoned) return outcome();
      try {
        afterAbandoned();
      } catch {
        // Best effort: the run already ended; start-up recovery sweeps what is left.
      }
    };
    work.then(
      (value) => settle(() => resolve(value)),
      (err: unknown) => settle(() => reject(err)),
    );
  });
}
