/**
 * @module runs/plots/plot-off-thread
 * plots.png drawn on a worker thread while the run's other artifacts are encoded on this one: loading echarts,
 * laying out the panels and rasterizing them is ~200 ms of a million-bar run that no other artifact waits for.
 * The series are downsampled here (runs/plots/plot), so what crosses to the worker is a few thousand points, and the
 * worker runs the same code as `renderRunPlot`, so the bytes are the same. Running from the TypeScript sources
 * (tests), plots are drawn in process: a worker would first have to load a TypeScript loader.
 */
import { Worker } from "node:worker_threads";
import { plotJob, type RunPlotInput, renderRunPlot } from "./plot.js";
import type { PlotReply } from "./plot-worker.js";

/** False when running from the TypeScript sources (no compiled worker file to start). */
export const PLOTS_OFF_THREAD = !import.meta.url.endsWith(".ts");

const WORKER = new URL("./plot-worker.js", import.meta.url);

/** The PNG bytes `renderRunPlot(input)` returns, drawn on a worker thread. */
export function renderRunPlotOffThread(input: RunPlotInput): Promise<Uint8Array> {
  if (!PLOTS_OFF_THREAD) return Promise.resolve().then(() => renderRunPlot(input));
  const job = plotJob(input);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    worker.once("message", (reply: PlotReply) => {
      if ("png" in reply) resolve(reply.png);
      else reject(new Error(reply.error));
      void worker.terminate();
    });
    worker.once("error", reject);
    // Settles nothing once a reply arrived; otherwise the worker died without one.
    worker.once("exit", (code) =>
      reject(new Error(`the plot worker exited with code ${code} before replying`)),
    );
    worker.postMessage(job);
  });
}
