/**
 * @module runs/plots/plot-worker
 * The worker thread behind runs/plots/plot-off-thread: receives one PlotJob, draws it with echarts, rasterizes it and
 * posts the PNG bytes back (or the error's message), then has nothing left to do and exits.
 */
import { parentPort } from "node:worker_threads";
import { type PlotJob, renderJobSvg, svgToPng } from "./plot.js";

export type PlotReply = { readonly png: Uint8Array } | { readonly error: string };

parentPort?.once("message", (job: PlotJob) => {
  let reply: PlotReply;
  try {
    reply = { png: svgToPng(renderJobSvg(job)) };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
