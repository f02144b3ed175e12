/**
 * @module cli/progress-reporter
 * Shows a run's events while it runs: on a terminal one cli-progress bar per stage, plus one per validation
 * method (permutation, bootstrap, Monte Carlo, walk-forward, overfitting) with its replications done of its total,
 * each with elapsed time and ETA; plain lines otherwise (logs and CI capture those cleanly). Everything goes to
 * stderr so stdout stays for results (and for `--json`).
 */
import { createRequire } from "node:module";
import type CliProgress from "cli-progress";
import type { MethodProgress, RunEvent, RunEventData } from "../runs/events/events.js";

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  stop(): void;
}

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  return stream.isTTY ? barReporter(stream) : lineReporter(stream);
}

/** Progress arrives as a ratio; stage bars count it in thousandths so slow stages still move and show a rate. */
const STEPS = 1000;

const METHOD_LABELS: Record<string, string> = {
  permutation: "permutation",
  block_bootstrap: "bootstrap",
  monte_carlo: "monte carlo",
  wfo: "walk-forward",
  overfitting: "overfitting",
};

const label = (name: string) => (METHOD_LABELS[name] ?? name).padEnd(13);

function barReporter(stream: NodeJS.WriteStream): ProgressReporter {
  // Required here, not imported at the top: only a terminal shows bars, logs and pipes never load it.
  const cliProgress = createRequire(import.meta.url)("cli-progress") as typeof CliProgress;
  const multi = new cliProgress.MultiBar(
    {
      stream,
      // cli-progress fills in elapsed ({duration_formatted}) and the ETA from the rate so far.
      format: " {stage} |{bar}| {percentage}% {count} | elapsed {duration_formatted} | eta {eta_formatted}",
      hideCursor: true,
      clearOnComplete: false,
      barsize: 24,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, CliProgress.SingleBar>();
  const methods = new Map<string, CliProgress.SingleBar>();
  const updateMethods = (m: MethodProgress) => {
    for (const [name, { done, total }] of Object.entries(m)) {
      let bar = methods.get(name);
      if (!bar) {
        bar = multi.create(total, 0, { stage: `  ${label(name)}`, count: "" });
        methods.set(name, bar);
      }
      bar.update(done, { count: `${done}/${total}` });
    }
  };
  return {
    onEvent(event) {
      if (event.type === "stage") {
        const stage = (event.data as RunEventData["stage"]).stage;
        for (const bar of bars.values()) bar.update(STEPS);
        bars.set(stage, multi.create(STEPS, 0, { stage: stage.padEnd(15), count: "" }));
      } else if (event.type === "progress") {
        const { stage, ratio, methods: m } = event.data as RunEventData["progress"];
        bars.get(stage)?.update(Math.round(ratio * STEPS));
        if (m) updateMethods(m);
      } else if (event.type === "log") {
        multi.log(`${(event.data as RunEventData["log"]).message}\n`);
      } else if (event.type === "end") {
        if ((event.data as RunEventData["end"]).status === "completed")
          for (const bar of bars.values()) bar.update(STEPS);
      }
    },
    stop: () => multi.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream): ProgressReporter {
  let lastTenth = -1;
  let started = 0;
  return {
    onEvent(event) {
      if (event.type === "stage") {
        lastTenth = -1;
        started = event.ts;
        stream.write(`stage ${(event.data as RunEventData["stage"]).stage}\n`);
      } else if (event.type === "progress") {
        const { stage, ratio, methods } = event.data as RunEventData["progress"];
        const tenth = Math.floor(ratio * 10);
        if (tenth > lastTenth && tenth < 10) {
          lastTenth = tenth;
          const counts = methods
            ? ` (${Object.entries(methods)
                .map(([name, p]) => `${METHOD_LABELS[name] ?? name} ${p.done}/${p.total}`)
                .join(", ")})`
            : "";
          const elapsed = ((event.ts - started) / 1000).toFixed(1);
          stream.write(`  ${stage} ${tenth * 10}%${counts} ${elapsed}s\n`);
        }
      } else if (event.type === "log") {
        const { level, message } = event.data as RunEventData["log"];
        stream.write(`${level}: ${message}\n`);
      }
    },
    stop: () => {},
  };
}
