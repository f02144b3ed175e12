import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CandleCacheRepo } from "../../store/repos/candle-cache-repo.js";
import { setupCache } from "../test-support/cache-setup.js";

describe("loadCandles recovery", () => {
  const corruptions: [string, (file: string, repo: CandleCacheRepo, hash: string) => void, RegExp][] = [
    ["missing", (f) => rmSync(f), /was missing/],
    ["truncated", (f) => writeFileSync(f, readFileSync(f).subarray(0, 100)), /size mismatch/],
    ["same size but garbage", (f) => writeFileSync(f, Buffer.alloc(statSync(f).size, 7)), /unreadable/],
    [
      "recorded with another row count",
      (_f, repo, hash) => repo.upsert({ ...repo.get(hash)!, rowCount: 5 }),
      /241 rows instead of 5 \(row count mismatch\)/,
    ],
  ];
  for (const [what, corrupt, problem] of corruptions) {
    it(`detects a cache file that is ${what}, reports it and refetches`, async () => {
      const { spy, load, repo } = setupCache();
      const first = await load();
      corrupt(first.path, repo, first.candleHash);
      const second = await load();
      expect(second.fromCache).toBe(false);
      expect(second.cacheRecovered).toMatch(problem);
      expect(second.warnings[0]).toMatch(/refetched from synthetic/);
      expect(spy.fetches.synthetic).toBe(2);
      expect(Array.from(second.candles.close)).toEqual(Array.from(first.candles.close));
      const third = await load();
      expect(third.fromCache, "the repaired file serves the next request").toBe(true);
    });
  }
});
