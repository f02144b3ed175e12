/**
 * @module sweeps/transport/test-support/sweep-fixture
 * A coordinator for transport tests: a studio home with a real server on a free loopback port (serving
 * `/api/candles`), a small sma_crossover grid sweep over synthetic hourly bars, its candles, and the results of
 * the same trials run in this process, the reference every transport must reproduce byte for byte.
 */

import { tempHome } from "../../../data/test-support/temp-home.js";
import { type ApiServer, createServer } from "../../../http/create-server.js";
import { listenOn } from "../../../http/listen-on.js";
import { builtinCatalog } from "../../../runs/builtin-catalog.js";
import { openStudio } from "../../../runs/open-studio.js";
import type { Studio } from "../../../runs/studio.js";
import type { HomePaths } from "../../../store/home.js";
import { catalogCheck } from "../../plan/catalog-check.js";
import { planSweep, type SweepPlan } from "../../plan/sweep-plan.js";
import { parseSweepSpec } from "../../plan/sweep-spec.js";
import { coordinatorCandles, type SweepCandles } from "../coordinator-candles.js";
import { runTrialBatch } from "../run-trial-batch.js";
import { encodeTrialResults } from "../trial-result.js";

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
};

export interface SweepFixture {
  readonly home: HomePaths;
  readonly studio: Studio;
  readonly server: ApiServer;
  readonly url: string;
  readonly plan: SweepPlan;
  readonly candles: SweepCandles;
  /** encodeTrialResults of every trial run in this process. */
  readonly reference: string;
  close(): Promise<void>;
}

export async function sweepFixture(spec: Record<string, unknown> = SMALL_SWEEP): Promise<SweepFixture> {
  const home = tempHome();
  const studio = openStudio(home);
  const catalog = builtinCatalog();
  const parsed = parseSweepSpec(spec);
  const plan = planSweep(parsed, { base: parsed.base, check: catalogCheck(catalog) });
  const candles = await coordinatorCandles(studio.store.db, home, plan);
  const reference = encodeTrialResults(
    runTrialBatch(
      plan,
      plan.trials.map((t) => t.index),
      candles.candles,
      catalog,
    ),
  );
  const server = await createServer({ studio, home });
  const url = await listenOn(server, "127.0.0.1", 0);
  return {
    home,
    studio,
    server,
    url,
    plan,
    candles,
    reference,
    close: async () => {
      await server.app.close();
      studio.close();
    },
  };
}
