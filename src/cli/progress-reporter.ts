/**
 * @module cli/progress-reporter
 * Shows a run's events while it runs: one progress bar per stage on a terminal, plain lines otherwise (logs and
 * CI capture those cleanly). Everything goes to stderr so stdout stays for results (and for `--json`).
 */
import cliProgress from "cli-progress";
import type { RunEvent } from "../runs/events.js";

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

/** Progress arrives as a ratio; bars count it in thousandths so slow stages still move and show a rate. */
const STEPS = 1000;

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      // cli-progress fills in elapsed ({duration_formatted}) and the ETA from the rate so far.
      format:
        " {stage} |{bar}| {percentage}% {value}/{total} | elapsed {duration_formatted} | eta {eta_formatted}",
      hideCursor: true,
      clearOnComplete: false,
      barsize: 24,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onEvent(event) {
      if (event.type === "stage") {
        const stage = (event.data as { stage: string }).stage;
        for (const bar of bars.values()) bar.update(STEPS);
        bars.set(stage, multi.create(STEPS, 0, { stage: stage.padEnd(12) }));
      } else if (event.type === "progress") {
        const { stage, ratio } = event.data as { stage: string; ratio: number };
        bars.get(stage)?.update(Math.round(ratio * STEPS));
      } else if (event.type === "log") {
        multi.log(`${(event.data as { message: string }).message}\n`);
      } else if (event.type === "end") {
        if ((event.data as { status: string }).status === "completed")
          for (const bar of bars.values()) bar.update(STEPS);
      }
    },
    stop: () => multi.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let lastTenth = -1;
  return {
    onEvent(event) {
      if (event.type === "stage") {
        lastTenth = -1;
        stream.write(`stage ${(event.data as { stage: string }).stage}\n`);
      } else if (event.type === "progress") {
        const { stage, ratio } = event.data as { stage: string; ratio: number };
        const tenth = Math.floor(ratio * 10);
        if (tenth > lastTenth && tenth < 10) {
          lastTenth = tenth;
          stream.write(`  ${stage} ${tenth * 10}%\n`);
        }
      } else if (event.type === "log") {
        const { level, message } = event.data as { level: string; message: string };
        stream.write(`${level}: ${message}\n`);
      }
    },
    stop: () => {},
  };
}
