import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Metrics } from "../../core/results.js";
import { candlesOf, fillsOf, portfolioOf, tradesOf } from "../../metrics/test-support/run-results.js";
import type { writeFileAtomicAsync } from "../../store/atomic-write.js";
import { enospc } from "../../store/test-support/full-disk.js";
import { type RunArtifacts, writeRunArtifacts } from "./write-artifacts.js";

const HOUR = 3_600_000;

function artifacts(): RunArtifacts {
  const ts = Float64Array.from({ length: 5 }, (_, i) => i * HOUR);
  const close = [100, 101, 102, 101, 103];
  return {
    candles: candlesOf(ts, close, close),
    fills: fillsOf([]),
    portfolio: portfolioOf(ts, [1000, 1000, 1000, 1000, 1000], [0, 0, 0, 0, 0]),
    drawdown: new Float64Array(5),
    trades: tradesOf([]),
    features: [],
    metrics: { total_return: 0 } as Metrics,
    summary: { run: "r" },
    plotTitle: "t",
    plotSubtitle: "s",
  };
}

/** A writer whose writes all wait for `release()`; `failing` names the files that then reject with ENOSPC. */
function gatedWriter(failing: (name: string) => boolean) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const state = { started: 0, settled: 0 };
  const write: typeof writeFileAtomicAsync = async (target) => {
    state.started++;
    try {
      await gate;
      if (failing(path.basename(target))) throw enospc();
      return { path: target, sha256: "0".repeat(64), size: 0 };
    } finally {
      state.settled++;
    }
  };
  return { write, release, state };
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});

const meta = { run_id: "r", created_at: 0, config_hash: "h" };
const nextTurns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
};

describe("writeRunArtifacts when something fails", () => {
  it("rejects with the plot's error only after every write it had started has settled", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wa-"));
    const w = gatedWriter(() => false);
    let settledEarly = false;
    const out = writeRunArtifacts(dir, meta, artifacts(), undefined, {
      write: w.write,
      renderPlot: () => {
        throw new Error("plot exploded");
      },
    });
    out.catch(() => (settledEarly = w.state.settled < w.state.started));
    await nextTurns();
    expect(w.state.started, "the JSON and Parquet writes were under way").toBeGreaterThan(5);
    expect(w.state.settled, "no write could finish yet").toBe(0);
    w.release();
    await expect(out).rejects.toThrow("plot exploded");
    expect(settledEarly, "the caller may remove the folder only once no write runs into it").toBe(false);
    expect(w.state.settled).toBe(w.state.started);
    await nextTurns();
    expect(unhandled, "no rejection left unhandled").toEqual([]);
  });

  it("rejects with the failed write's error once the other writes have settled", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wa-"));
    const w = gatedWriter((name) => name === "summary.json");
    const out = writeRunArtifacts(dir, meta, artifacts(), undefined, {
      write: w.write,
      renderPlot: () => new Uint8Array(1),
    });
    let settledEarly = false;
    out.catch(() => (settledEarly = w.state.settled < w.state.started));
    w.release();
    await expect(out).rejects.toMatchObject({ code: "ENOSPC" });
    expect(settledEarly).toBe(false);
    await nextTurns();
    expect(unhandled, "no rejection left unhandled").toEqual([]);
  });
});
