import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { renderRunPlot } from "./plot.js";
import { PLOTS_OFF_THREAD, renderRunPlotOffThread } from "./plot-off-thread.js";

const HOUR = 3_600_000;
const n = 5000;
const ts = Float64Array.from({ length: n }, (_, i) => Date.UTC(2024, 0, 1) + i * HOUR);
const close = Float64Array.from(ts, (_, i) => 100 + 10 * Math.sin(i / 50));
const equity = Float64Array.from(ts, (_, i) => 1000 + 20 * Math.cos(i / 30));
const drawdown = Float64Array.from(ts, (_, i) => -Math.abs(Math.sin(i / 70)) / 10);
const fills = {
  ts: Float64Array.of(ts[100]!, ts[900]!),
  side: Int8Array.of(1, -1),
  price: Float64Array.of(close[100]!, close[900]!),
  reason: Int8Array.of(0, 0),
};
const input = {
  title: "TEST 1h sma_crossover(fast=10, slow=50)",
  subtitle: "sub",
  ts,
  equity,
  drawdown,
  close,
  fills,
};

/** The first index where two byte arrays differ, -1 when equal. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe("renderRunPlotOffThread", () => {
  it("draws in process when running from the TypeScript sources, the same bytes as renderRunPlot", async () => {
    expect(PLOTS_OFF_THREAD).toBe(false);
    expect(firstDifference(await renderRunPlotOffThread(input), renderRunPlot(input))).toBe(-1);
  });

  it("draws on a worker thread from the build, byte for byte the PNG renderRunPlot draws here", async () => {
    // The compiled module (dist, built by the test setup) starts the compiled worker.
    const built = pathToFileURL(
      path.resolve(import.meta.dirname, "../../../dist/runs/plots/plot-off-thread.js"),
    ).href;
    const compiled = (await import(built)) as typeof import("./plot-off-thread.js");
    expect(compiled.PLOTS_OFF_THREAD).toBe(true);
    const png = await compiled.renderRunPlotOffThread(input);
    expect(firstDifference(png, renderRunPlot(input)), "first differing byte").toBe(-1);
  }, 60_000);
});
