/**
 * @module runs/test-support/crashed-home
 * A studio home as a crashed process leaves it: one run still `running` in `validation`, whose last recorded
 * event is seq 7. Opening a studio on it runs start-up recovery.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseRunConfigShape } from "../../core/run-config.js";
import { type HomePaths, resolveHome } from "../../store/home.js";
import { openStore } from "../../store/store.js";

export const CRASHED = "66666666-6666-4666-8666-666666666666";
export const CRASHED_LAST_SEQ = 7;

export function crashedHome(): HomePaths {
  const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-crashed-")));
  mkdirSync(home.runs, { recursive: true });
  const store = openStore(home.db);
  const config = parseRunConfigShape({
    symbol: "SYN",
    timeframe: "1d",
    start: "2020-01-01",
    end: "2020-06-30",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
  });
  store.runs.insert({
    runId: CRASHED,
    hash: "h",
    runHash: "rh",
    createdAt: 1,
    configJson: JSON.stringify(config),
    seed: 42,
    status: "running",
    stage: "validation",
  });
  store.runProgress.record({
    runId: CRASHED,
    lastSeq: CRASHED_LAST_SEQ,
    lastStage: "validation",
    progressRatio: 0.7,
    updatedAt: 2,
  });
  store.close();
  return home;
}
