/**
 * @module sweeps/transport/redis-runner
 * The sweep service's Redis trial runner for one sweep: the sweep id, the candles workers fetch by hash (with
 * the sha256 of the cached file they must receive) and the coordinator's user plugins. BullMQ loads only when
 * a sweep runs over Redis.
 */
import { readFile } from "node:fs/promises";
import type { Catalog } from "../../core/catalog/catalog.js";
import { sha256 } from "../../core/hash.js";
import type { TrialRunner } from "../trial-pool.js";
import { pluginShas } from "./plugin-shas.js";

export async function redisRunner(
  redisUrl: string,
  sweepId: string,
  candles: { readonly candleHash: string; readonly path: string },
  catalog: Catalog,
): Promise<TrialRunner> {
  const { redisTrialRunner } = await import("./redis-coordinator.js");
  return redisTrialRunner({
    redisUrl,
    sweepId,
    candleHash: candles.candleHash,
    candleSha256: sha256(await readFile(candles.path)),
    plugins: pluginShas(catalog),
  });
}
