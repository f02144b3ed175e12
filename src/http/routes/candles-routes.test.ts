import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../core/hash.js";
import { loadCandles } from "../../data/cache/candle-cache.js";
import { tempHome } from "../../data/test-support/temp-home.js";
import { openStudio } from "../../runs/open-studio.js";
import type { Studio } from "../../runs/studio.js";
import type { HomePaths } from "../../store/home.js";
import { type ApiServer, createServer } from "../create-server.js";

const TOKEN = "test-token-0123456789abcdef";
let home: HomePaths;
let studio: Studio;
let open: ApiServer;
/** The same studio behind a server that believes it is bound to 0.0.0.0, so it demands the token. */
let guarded: ApiServer;
let hash: string;
let file: string;

beforeAll(async () => {
  home = tempHome();
  studio = openStudio(home);
  const loaded = await loadCandles(studio.store.db, home, {
    provider: "synthetic",
    symbol: "SYN",
    timeframe: "1h",
    start: Date.parse("2024-01-01"),
    end: Date.parse("2024-02-01"),
  });
  hash = loaded.candleHash;
  file = loaded.path;
  open = await createServer({ studio, home });
  guarded = await createServer({ studio, home, bind: "0.0.0.0", token: TOKEN });
});

afterAll(async () => {
  await Promise.all([open.app.close(), guarded.app.close()]);
  studio.close();
});

const get = (server: ApiServer, url: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: "GET", url, headers: { host: "127.0.0.1", ...headers } });

describe("GET /api/candles/:candle_hash", () => {
  it("serves the cached Parquet file byte for byte with its sha256 as ETag", async () => {
    const res = await get(open, `/api/candles/${hash}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.apache.parquet");
    const onDisk = readFileSync(file);
    expect(res.rawPayload.equals(onDisk), "the body is the cache file").toBe(true);
    expect(res.headers.etag).toBe(`"${sha256(onDisk)}"`);
  });

  it.each([
    ["a path", "..%2F..%2Fstudio.db"],
    ["upper-case hex", "A".repeat(64)],
    ["a short hash", "ab".repeat(31)],
    ["a hash with a suffix", `${"ab".repeat(32)}.parquet`],
  ])("refuses %s as a candle hash before looking anything up", async (_name, bad) => {
    const res = await get(open, `/api/candles/${bad}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe("CONFIG_INVALID");
  });

  it("answers NOT_FOUND for a well-formed hash nobody cached", async () => {
    const res = await get(open, `/api/candles/${"0".repeat(64)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });

  it("requires the token beyond loopback", async () => {
    expect((await get(guarded, `/api/candles/${hash}`)).statusCode).toBe(401);
    const ok = await get(guarded, `/api/candles/${hash}`, { authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
  });

  it("refuses a cache file that no longer has its recorded size", async () => {
    const other = await loadCandles(studio.store.db, home, {
      provider: "synthetic",
      symbol: "SYN",
      timeframe: "1h",
      start: Date.parse("2024-03-01"),
      end: Date.parse("2024-03-10"),
    });
    writeFileSync(other.path, "truncated");
    const res = await get(open, `/api/candles/${other.candleHash}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("INTEGRITY_MISMATCH");
  });
});
