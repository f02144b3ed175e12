/**
 * @module http/routes/candles-routes
 * `GET /api/candles/:candle_hash`: a cached candle file, byte for byte, so sweep workers on other machines run
 * on exactly the coordinator's bars. The hash must be 64 lowercase hex digits (the schema refuses anything else
 * before a handler runs); the file is found through its candle_cache row and the validated cache location of
 * that row's provider, symbol and timeframe, never from the request string, and is served only when it has the
 * recorded size. The ETag is the file's sha256, which the worker checks against the one its job names.
 */
import { z } from "zod";
import { quote, StudioError } from "../../core/errors.js";
import { sha256 } from "../../core/hash.js";
import { candleCacheLocation } from "../../data/cache/cache-paths.js";
import { readWholeFile } from "../../store/read-whole-file.js";
import { CANDLE_HASH_PATTERN } from "../../sweeps/transport/sweep-job.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { bodyOf, ERROR_RESPONSES } from "../api-schemas.js";

const CandleParams = z.object({
  candle_hash: z
    .string()
    .regex(CANDLE_HASH_PATTERN, "expected a candle hash (64 lowercase hex digits)")
    .describe("The candle hash (sha256 of provider, symbol, timeframe, range and source version)."),
});

export function registerCandlesRoutes(app: ApiApp, ctx: ApiContext): void {
  const { studio, home } = ctx;
  app.get(
    "/api/candles/:candle_hash",
    {
      schema: {
        tags: ["candles"],
        summary: "A cached candle file (Parquet) by candle hash; the ETag is its sha256",
        params: CandleParams,
        response: {
          200: bodyOf("The candle file as cached", "application/vnd.apache.parquet"),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req, reply) => {
      const hash = req.params.candle_hash;
      const row = studio.store.candleCache.get(hash);
      if (row === undefined) {
        throw new StudioError("NOT_FOUND", `no cached candles with hash ${quote(hash)}`);
      }
      const { file } = candleCacheLocation(home, row);
      let bytes: Buffer;
      try {
        bytes = await readWholeFile(file);
      } catch {
        throw new StudioError("NOT_FOUND", `the cache file of candles ${hash} is missing; rerun to refetch`);
      }
      if (bytes.length !== row.sizeBytes) {
        throw new StudioError(
          "INTEGRITY_MISMATCH",
          `the cache file of candles ${hash} has ${bytes.length} bytes, not the ${row.sizeBytes} recorded`,
        );
      }
      reply.header("etag", `"${sha256(bytes)}"`);
      return rawReply(reply).type("application/vnd.apache.parquet").send(bytes);
    },
  );
}
