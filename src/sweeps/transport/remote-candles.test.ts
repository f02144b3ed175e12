import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StudioError } from "../../core/errors.js";
import { sha256 } from "../../core/hash.js";
import { encodeCandleFile } from "../../data/cache/cache-file.js";
import { tempHome } from "../../data/test-support/temp-home.js";
import { randomWalkCandles } from "../../indicators/test-support/random-walk-candles.js";
import { remoteCandles } from "./remote-candles.js";

const HASH = "c".repeat(64);
const candles = randomWalkCandles(300, 1);
let file: Uint8Array;
let body: Uint8Array;
let requests = 0;
let server: Server;
let url: string;

beforeAll(async () => {
  file = encodeCandleFile({ ...candles, gapFlag: new Uint8Array(300) }, {});
  body = file;
  server = createServer((req, res) => {
    requests++;
    if (req.url !== `/api/candles/${HASH}`) return void res.writeHead(404).end("{}");
    res.writeHead(200, { "content-type": "application/vnd.apache.parquet" }).end(Buffer.from(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function code(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return (err as StudioError).code;
}

describe("remoteCandles", () => {
  it("downloads once, checks the sha256, then serves its cached copy", async () => {
    const home = tempHome();
    requests = 0;
    const a = await remoteCandles({ coordinator: url, home }, HASH, sha256(file));
    const b = await remoteCandles({ coordinator: url, home }, HASH, sha256(file));
    expect(requests, "the second call reads the cache").toBe(1);
    expect(Buffer.from(a.close.buffer).equals(Buffer.from(candles.close.buffer))).toBe(true);
    expect(b.ts.length).toBe(300);
  });

  it("refuses bytes whose sha256 is not the job's, and refetches a damaged cached copy", async () => {
    const home = tempHome();
    expect(await code(remoteCandles({ coordinator: url, home }, HASH, "d".repeat(64)))).toBe(
      "INTEGRITY_MISMATCH",
    );
    await remoteCandles({ coordinator: url, home }, HASH, sha256(file));
    writeFileSync(path.join(home.cache, "remote-candles", `${HASH}.parquet`), "damaged");
    requests = 0;
    await remoteCandles({ coordinator: url, home }, HASH, sha256(file));
    expect(requests, "a cached copy with another sha256 is fetched again").toBe(1);
  });

  it("names a hash that is not 64 hex digits and an unreachable or answering-404 coordinator", async () => {
    const home = tempHome();
    expect(await code(remoteCandles({ coordinator: url, home }, "../x", sha256(file)))).toBe(
      "CONFIG_INVALID",
    );
    expect(await code(remoteCandles({ coordinator: url, home }, "e".repeat(64), sha256(file)))).toBe(
      "DATA_NOT_FOUND",
    );
    expect(await code(remoteCandles({ coordinator: "http://127.0.0.1:1", home }, HASH, sha256(file)))).toBe(
      "PROVIDER_UNAVAILABLE",
    );
  });
});
