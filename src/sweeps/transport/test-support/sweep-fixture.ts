/**
 * @module sweeps/transport/test-support/sweep-fixture
 * A coordinator for transport tests: a studio home with a real server on a free loopback port (serving
 * `/api/candles`), a small sma_crossover grid sweep over synthetic hourly bars, its cached candles, and its
 * summary.json and trials.parquet as written after a run in this process: the bytes every transport must
 * reproduce.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { tempHome } from "../../../data/test-support/temp-home.js";
import { type ApiServer, createServer } from "../../../http/create-server.js";
import { listenOn } from "../../../http/guards/listen-on.js";
import { builtinCatalog, type StudioCatalog } from "../../../runs/builtin-catalog.js";
import { openStudio } from "../../../runs/open-studio.js";
import type { Studio } from "../../../runs/studio.js";
import type { HomePaths } from "../../../store/home.js";
import { type ExecuteSweepInputs, executeSweep } from "../../execute-sweep.js";
import { catalogCheck } from "../../plan/catalog-check.js";
import { planSweep, type SweepPlan } from "../../plan/sweep-plan.js";
import { parseSweepSpec } from "../../plan/sweep-spec.js";
import { sweepSummary } from "../../sweep-summary.js";
import { SUMMARY_FILE, TRIALS_FILE, writeSweepArtifacts } from "../../write-sweep-artifacts.js";
import { coordinatorCandles, type SweepCandles } from "../coordinator-candles.js";

export const SMALL_SWEEP = {
  base: {
    symbol: "SYN",
    timeframe: "1h",
    start: "2024-01-01",
    end: "2024-05-01",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: {} },
  },
  space: {
    "strategy.params.fast": [3, 5, 8, 13, 21],
    "strategy.params.slow": { from: 20, to: 90, step: 10 },
  },
  objective: "sharpe",
  holdout: 0.25,
  pbo_partitions: 8,
};

export interface SweepBytes {
  readonly summary: Buffer;
  readonly trials: Buffer;
}

export interface SweepFixture {
  readonly home: HomePaths;
  readonly studio: Studio;
  readonly server: ApiServer;
  readonly url: string;
  readonly plan: SweepPlan;
  readonly candles: SweepCandles;
  readonly catalog: StudioCatalog;
  /** summary.json and trials.parquet of the sweep run in this process. */
  readonly reference: SweepBytes;
  /** Runs the sweep (with `runTrials`, say), writes its artifacts and returns summary.json and trials.parquet. */
  sweep(extra?: Partial<ExecuteSweepInputs>): Promise<SweepBytes>;
  close(): Promise<void>;
}

export async function sweepFixture(spec: Record<string, unknown> = SMALL_SWEEP): Promise<SweepFixture> {
  const home = tempHome();
  const studio = openStudio(home);
  const catalog = builtinCatalog();
  const parsed = parseSweepSpec(spec);
  const plan = planSweep(parsed, { base: parsed.base, check: catalogCheck(catalog) });
  const candles = await coordinatorCandles(studio.store.db, home, plan);
  const sweep = async (extra: Partial<ExecuteSweepInputs> = {}): Promise<SweepBytes> => {
    const outcome = await executeSweep({ plan, catalog, candles: candles.candles, threads: 0, ...extra });
    const summary = sweepSummary(plan, outcome, candles.candles.ts.length);
    const dir = mkdtempSync(path.join(tmpdir(), "studio-sweep-"));
    writeSweepArtifacts(dir, { sweepId: "sweep", createdAt: 0 }, plan, outcome, summary);
    return {
      summary: readFileSync(path.join(dir, SUMMARY_FILE)),
      trials: readFileSync(path.join(dir, TRIALS_FILE)),
    };
  };
  const reference = await sweep();
  const server = await createServer({ studio, home });
  const url = await listenOn(server, "127.0.0.1", 0);
  return {
    home,
    studio,
    server,
    url,
    plan,
    candles,
    catalog,
    reference,
    sweep,
    close: async () => {
      await server.app.close();
      studio.close();
    },
  };
}
