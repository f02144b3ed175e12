/**
 * A `rules` config submitted over HTTP, with a permutation test and a walk-forward grid over its vars, on 0, 1
 * and 2 validation worker threads (each on a fresh server, so no run is reused): every result is byte-identical,
 * and the indicators the rules name are exported in features.parquet like declared indicators.
 */
import { afterEach, describe, expect, it } from "vitest";
import { call, runToEnd } from "./test-support/api-client.js";
import { smallConfig, startTestServer } from "./test-support/start-test-server.js";

const config = smallConfig({
  strategy: {
    name: "rules",
    params: {
      long_entry: "cross_above(sma(close, $fast), sma(close, $slow)) and rsi(close, 14) < 70",
      long_exit: "cross_below(sma(close, $fast), sma(close, $slow))",
      short_entry: "close < lowest(prev(low, 1), 24) and volume > sma(volume, 10)",
      short_exit: "bars_since(close > prev(close, 1)) == 0",
      vars: { fast: 5, slow: 20 },
    },
  },
  validation: {
    permutation: { n: 12 },
    wfo: { windows: 2, grid: { "vars.fast": [3, 5, 8], "vars.slow": [20, 30] }, pbo_partitions: 8 },
  },
});

const previous = process.env.STUDIO_THREADS;
afterEach(() => {
  if (previous === undefined) delete process.env.STUDIO_THREADS;
  else process.env.STUDIO_THREADS = previous;
});

async function runWithThreads(threads: number): Promise<Record<string, string>> {
  process.env.STUDIO_THREADS = String(threads);
  const server = await startTestServer();
  try {
    const { runId, run } = await runToEnd(server.url, config);
    expect(run.status, `run on ${threads} threads: ${JSON.stringify(run.error ?? null)}`).toBe("completed");
    const files: Record<string, string> = {};
    for (const name of ["metrics.json", "validation_summary.json", "features.parquet"]) {
      const res = await fetch(`${server.url}/api/runs/${runId}/artifacts/${name}`);
      expect(res.status, `${name} is served`).toBe(200);
      files[name] = Buffer.from(await res.arrayBuffer()).toString("base64");
    }
    const columns = await fetch(`${server.url}/api/runs/${runId}/artifacts/features.parquet?format=csv`);
    files.header = (await columns.text()).split("\n")[0]!;
    files.runHash = run.run_hash;
    return files;
  } finally {
    await server.close();
  }
}

describe("rules over HTTP", () => {
  it("runs with permutation and a vars grid, byte-identical on 0, 1 and 2 worker threads", async () => {
    const zero = await runWithThreads(0);
    const one = await runWithThreads(1);
    const two = await runWithThreads(2);
    for (const key of Object.keys(zero)) {
      expect(one[key], `${key}: 1 thread = in-process`).toBe(zero[key]);
      expect(two[key], `${key}: 2 threads = in-process`).toBe(zero[key]);
    }
    const summary = JSON.parse(Buffer.from(zero["validation_summary.json"]!, "base64").toString("utf8"));
    expect(summary.permutation.n, "the permutation test ran").toBe(12);
    expect(summary.wfo.trials, "every vars combination was a trial").toBe(6);
    expect(Object.keys(summary.wfo.segments[0].best_params).sort(), "best params name the vars").toEqual([
      "vars.fast",
      "vars.slow",
    ]);
    for (const column of ["sma_5", "sma_20", "rsi_14", "sma_10_volume", "price_close", "price_low"]) {
      expect(zero.header, `features.parquet has ${column}`).toContain(column);
    }
  }, 120_000);

  it("answers a rule with an unknown name with CONFIG_INVALID and the caret, at submit", async () => {
    const server = await startTestServer();
    try {
      const bad = smallConfig({ strategy: { name: "rules", params: { long_entry: "rsii(14) < 30" } } });
      const res = await call(server.url, "POST", "/api/runs", bad);
      expect(res.status, "a client error").toBe(400);
      expect(res.body.error.code, "config problem").toBe("CONFIG_INVALID");
      expect(res.body.error.message, "quotes the rule with a caret").toContain('unknown name "rsii"');
      expect(res.body.error.message, "caret line").toContain("\n  rsii(14) < 30\n  ^");
    } finally {
      await server.close();
    }
  });
});
