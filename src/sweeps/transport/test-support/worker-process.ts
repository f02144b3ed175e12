/**
 * @module sweeps/transport/test-support/worker-process
 * A real `studio worker` child process (the built binary) with a home of its own, as on another machine:
 * `startWorker` resolves once it prints `worker ready`; `kill` sends a signal and waits for the exit.
 */
import type { ChildProcess } from "node:child_process";
import { startStudio, tempHome } from "../../../cli/test-support/studio-cli.js";

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** The worker's own home (its candle downloads land in cache/remote-candles/). */
  readonly home: string;
  readonly output: () => string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startWorker(
  redisUrl: string,
  coordinator: string,
  extra: readonly string[] = [],
  home: string = tempHome(),
  timeoutMs = 30_000,
): Promise<WorkerProcess> {
  const child = startStudio([
    "--home",
    home,
    "worker",
    "--redis",
    redisUrl,
    "--coordinator",
    coordinator,
    ...extra,
  ]);
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker not ready after ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes("worker ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (d) => (out += d));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    child,
    home,
    output: () => out,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
