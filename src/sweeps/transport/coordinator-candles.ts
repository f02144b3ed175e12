/**
 * @module sweeps/transport/coordinator-candles
 * The coordinator's side of the candle hand-off: the sweep's bars loaded (and cached) as any run loads them,
 * with the candle hash workers ask `GET /api/candles/:candle_hash` for and the sha256 of the cached file they
 * must receive.
 */
import { readFile } from "node:fs/promises";
import type { Candles } from "../../core/candles.js";
import { sha256 } from "../../core/hash.js";
import { loadCandles } from "../../data/cache/candle-cache.js";
import type { Db } from "../../store/db.js";
import type { HomePaths } from "../../store/home.js";
import type { SweepPlan } from "../plan/sweep-plan.js";

export interface SweepCandles {
  readonly candles: Candles;
  readonly candleHash: string;
  readonly sha256: string;
}

export async function coordinatorCandles(db: Db, home: HomePaths, plan: SweepPlan): Promise<SweepCandles> {
  const { provider, symbol, timeframe, start, end } = plan.spec.base;
  const loaded = await loadCandles(db, home, { provider, symbol, timeframe, start, end });
  return {
    candles: loaded.candles,
    candleHash: loaded.candleHash,
    sha256: sha256(await readFile(loaded.path)),
  };
}
