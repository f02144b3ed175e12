import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ERROR_CODES, StudioError } from "../core/errors.js";
import { Rng } from "../core/rng.js";
import { resolveHome } from "../store/home.js";
import { parseRunConfig } from "./parse-config.js";
import { runPipeline } from "./pipeline.js";
import { Studio } from "./studio.js";
import { randomConfigs } from "./test-support/random-config.js";

const COUNT = 200;

// Every run renders its plot through echarts (where a degenerate series once threw and took the process down),
// but skips rasterizing the SVG, which costs more than the rest of a 300-bar run; plot.test.ts rasterizes the
// degenerate cases.
vi.mock("./plots/plot.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("./plots/plot.js")>();
  return {
    ...real,
    renderRunPlot: (input: Parameters<typeof real.renderRunPlot>[0]) =>
      new TextEncoder().encode(real.renderRunSvg(input)),
  };
});

describe("random configs inside the schema's bounds", () => {
  const escaped: unknown[] = [];
  const onEscape = (reason: unknown) => escaped.push(reason);
  let studio: Studio;
  let root = "";

  const threads = process.env.STUDIO_THREADS;
  beforeAll(() => {
    // Validation in this thread: a worker pool per run would cost more than the run.
    process.env.STUDIO_THREADS = "0";
    process.on("unhandledRejection", onEscape);
    process.on("uncaughtException", onEscape);
    // A RAM-backed home where there is one: the runs fsync a dozen files each, which on a busy disk costs more
    // than everything else the test does.
    root = mkdtempSync(path.join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "studio-prop-"));
    const home = resolveHome(root);
    studio = Studio.open({ home, parseConfig: parseRunConfig, pipeline: runPipeline, keepCompleted: 5 });
  });

  afterAll(() => {
    if (threads === undefined) delete process.env.STUDIO_THREADS;
    else process.env.STUDIO_THREADS = threads;
    studio.close();
    rmSync(root, { recursive: true, force: true });
    process.off("unhandledRejection", onEscape);
    process.off("uncaughtException", onEscape);
  });

  it(`end completed or failed with a stable code, never INTERNAL, and the process survives all ${COUNT}`, async () => {
    const configs = randomConfigs(Rng.fromSeed(20_260_901), COUNT);
    const outcomes: Record<string, number> = {};
    const bad: string[] = [];
    for (const [i, config] of configs.entries()) {
      let outcome: string;
      try {
        const { run } = studio.submit(config);
        const done = await studio.waitFor(run.run_id);
        outcome = done.status === "completed" ? "completed" : `${done.status}:${done.error_code}`;
        if (done.status !== "completed" && (done.status !== "failed" || done.error_code === "INTERNAL")) {
          bad.push(`#${i} ${outcome} ${done.error_message} ${JSON.stringify(config)}`);
        }
      } catch (err) {
        // Jointly invalid params (e.g. rsi lower == upper) are refused at submission, with a code.
        const code = err instanceof StudioError ? err.code : "thrown";
        outcome = `refused:${code}`;
        if (code !== "CONFIG_INVALID") bad.push(`#${i} ${outcome} ${String(err)} ${JSON.stringify(config)}`);
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect(
      bad.slice(0, 5),
      `${bad.length} of ${COUNT} runs ended badly; outcomes ${JSON.stringify(outcomes)}`,
    ).toEqual([]);
    expect(
      outcomes.completed ?? 0,
      `most configs trade; outcomes ${JSON.stringify(outcomes)}`,
    ).toBeGreaterThan(COUNT / 2);
    for (const key of Object.keys(outcomes)) {
      const code = key.split(":")[1];
      if (code !== undefined) expect(ERROR_CODES, key).toContain(code);
    }
    await new Promise((r) => setImmediate(r));
    expect(escaped, "no unhandled rejection or uncaught exception").toEqual([]);
  });
});
