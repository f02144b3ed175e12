/**
 * @module sweeps/transport/remote-candles
 * How a worker on another machine gets a sweep's bars: from its own cache
 * (`cache/remote-candles/{candle_hash}.parquet`), or from the coordinator's `GET /api/candles/:candle_hash`
 * (with the bearer token when one is set). Either way the bytes must have the sha256 the job names, or they are
 * refused with INTEGRITY_MISMATCH (a cached copy that fails is fetched again). The file name is built only from
 * a hash that passed the 64-hex check.
 */
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Candles } from "../../core/candles.js";
import { quote, StudioError } from "../../core/errors.js";
import { sha256 } from "../../core/hash.js";
import { decodeCandleFile } from "../../data/cache/cache-file.js";
import { writeFileAtomic } from "../../store/atomic-write.js";
import { type HomePaths, safeJoin } from "../../store/home.js";
import { CANDLE_HASH_PATTERN } from "./sweep-job.js";

export interface RemoteCandleSource {
  /** The coordinator's base URL, e.g. http://10.0.0.5:8787. */
  readonly coordinator: string;
  readonly token?: string;
  readonly home: HomePaths;
}

export async function remoteCandles(
  source: RemoteCandleSource,
  candleHash: string,
  expectedSha: string,
): Promise<Candles> {
  if (!CANDLE_HASH_PATTERN.test(candleHash) || !CANDLE_HASH_PATTERN.test(expectedSha)) {
    throw new StudioError("CONFIG_INVALID", `not a candle hash: ${quote(candleHash)}`);
  }
  const dir = safeJoin(source.home.cache, "remote-candles");
  const file = safeJoin(dir, `${candleHash}.parquet`);
  const cached = await readFile(file).catch(() => undefined);
  let bytes: Uint8Array;
  if (cached !== undefined && sha256(cached) === expectedSha) bytes = cached;
  else {
    bytes = await download(source, candleHash);
    const got = sha256(bytes);
    if (got !== expectedSha) {
      throw new StudioError(
        "INTEGRITY_MISMATCH",
        `candles ${candleHash} from ${source.coordinator} have sha256 ${got}, not the ${expectedSha} the job names`,
      );
    }
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(file, bytes);
  }
  return (await decodeCandleFile(bytes)).candles;
}

async function download(source: RemoteCandleSource, candleHash: string): Promise<Uint8Array> {
  const url = new URL(`/api/candles/${candleHash}`, source.coordinator);
  let res: Response;
  try {
    res = await fetch(url, {
      headers: source.token === undefined ? {} : { authorization: `Bearer ${source.token}` },
    });
  } catch (err) {
    throw new StudioError(
      "PROVIDER_UNAVAILABLE",
      `coordinator ${url.origin} is unreachable: ${(err as Error).message}`,
    );
  }
  if (!res.ok) {
    const body = await res.text();
    throw new StudioError(
      res.status === 401 ? "UNAUTHORIZED" : res.status === 404 ? "DATA_NOT_FOUND" : "PROVIDER_UNAVAILABLE",
      `GET ${url.pathname} on the coordinator answered ${res.status}: ${body.slice(0, 300)}`,
    );
  }
  return new Uint8Array(await res.arrayBuffer());
}
