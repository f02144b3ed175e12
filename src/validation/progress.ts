/**
 * @module validation/progress
 * Progress and cancellation of a validation run. Work is counted in units of one backtest re-run; a bootstrap or
 * trade resample counts as 1/50 of one (it touches each bar or trade once, the engine many times). Progress is
 * reported at most 200 times a run, and cancellation is polled before every unit of work.
 */
import { StudioError } from "../core/errors.js";
import type { ValidationContext } from "./types.js";

export const RESAMPLE_WEIGHT = 1 / 50;

export class ValidationProgress {
  private done = 0;
  private lastStep = -1;

  constructor(
    private readonly ctx: Pick<ValidationContext, "onProgress" | "shouldCancel">,
    private readonly total: number,
  ) {}

  /** Throws StudioError CANCELLED when the caller asked to stop. */
  checkCancel(): void {
    if (this.ctx.shouldCancel?.()) throw new StudioError("CANCELLED", "validation cancelled");
  }

  advance(units: number): void {
    this.done += units;
    if (!this.ctx.onProgress || this.total <= 0) return;
    const step = Math.floor((Math.min(this.done, this.total) / this.total) * 200);
    if (step > this.lastStep && step < 200) {
      this.lastStep = step;
      this.ctx.onProgress(step / 200);
    }
  }

  finish(): void {
    this.ctx.onProgress?.(1);
  }
}
