/**
 * @module cli/commands/sweep-progress
 * The progress of `studio sweep` on stderr: on a terminal one bar with trials done / total, trials per second,
 * ETA and the best objective so far; otherwise a plain line at every tenth of the trials (logs stay readable).
 */
import { createRequire } from "node:module";
import type CliProgress from "cli-progress";
import type { SweepProgress } from "../../sweeps/execute-sweep.js";
import { formatValue } from "../format.js";

export interface SweepProgressBar {
  update(p: SweepProgress): void;
  stop(): void;
}

export function sweepProgressBar(stream: NodeJS.WriteStream = process.stderr): SweepProgressBar {
  const started = performance.now();
  let startDone: number | undefined;
  const rate = (done: number) => {
    startDone ??= done;
    const s = (performance.now() - started) / 1000;
    return s > 0 ? (done - startDone) / s : 0;
  };
  if (!stream.isTTY) {
    let nextTenth = 0;
    return {
      update(p) {
        const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 10;
        if (tenth < nextTenth) return;
        nextTenth = tenth + 1;
        stream.write(
          `trials ${p.done}/${p.total} (${rate(p.done).toFixed(1)}/s), best ${formatValue(p.best)}\n`,
        );
      },
      stop() {},
    };
  }
  // Required here, not imported at the top: only a terminal shows the bar, and other commands never need it.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof CliProgress;
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: " trials |{bar}| {value}/{total} | {speed} trials/s | ETA {eta_formatted} | best {best}",
      hideCursor: true,
      barsize: 30,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started_ = false;
  return {
    update(p) {
      const payload = { speed: rate(p.done).toFixed(1), best: formatValue(p.best) };
      if (!started_) {
        bar.start(p.total, p.done, payload);
        started_ = true;
      } else bar.update(p.done, payload);
    },
    stop() {
      if (started_) bar.stop();
    },
  };
}
