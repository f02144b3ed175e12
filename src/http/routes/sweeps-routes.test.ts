import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../test-support/api-client.js";
import { followSse } from "../test-support/sse-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const spec = (seed: number) => ({
  base: smallConfig({
    start: "2024-01-01",
    end: "2024-03-31",
    strategy: { name: "sma_crossover", params: {} },
  }),
  space: { "strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30] },
  holdout: 0.2,
  top_k: 2,
  seed,
  pbo_partitions: 8,
});

describe("/api/sweeps", () => {
  it("runs a sweep, streams its progress to the end, pages its trials by any metric and serves its artifacts", async () => {
    const posted = await call(t.url, "POST", "/api/sweeps", spec(1));
    expect(posted.status).toBe(201);
    const id: string = posted.body.sweep.sweep_id;
    const events = await followSse(`${t.url}/api/sweeps/${id}/events`);
    const last = events.messages.at(-1)!;
    expect(last.event, "the stream ends with end").toBe("end");
    expect(JSON.parse(last.data).data.status).toBe("completed");
    const seqs = events.messages.map((m) => Number(m.id));
    expect(seqs, "ids are gapless seqs from 1").toEqual(seqs.map((_, i) => i + 1));

    const view = (await call(t.url, "GET", `/api/sweeps/${id}`)).body;
    expect(view).toMatchObject({
      status: "completed",
      strategy: "sma_crossover",
      objective: "sharpe",
      dimensions: ["strategy.params.fast", "strategy.params.slow"],
      trials: { planned: 6, done: 6, skipped: 0, failed: 0 },
    });
    const topRuns = (await call(t.url, "GET", `/api/sweeps/${id}/runs`)).body.runs;
    const fastSlow = (p: { fast: number; slow: number }) => `${p.fast}/${p.slow}`;
    const top = (await call(t.url, "GET", `/api/sweeps/${id}/trials?limit=2`)).body.trials;
    expect(
      topRuns
        .map((r: { config: { strategy: { params: { fast: number; slow: number } } } }) =>
          fastSlow(r.config.strategy.params),
        )
        .sort(),
      "the top_k = 2 best trials became the sweep's runs",
    ).toEqual(
      top
        .map((x: { params: Record<string, number> }) =>
          fastSlow({ fast: x.params["strategy.params.fast"]!, slow: x.params["strategy.params.slow"]! }),
        )
        .sort(),
    );
    const report = await fetch(`${t.url}/api/sweeps/${id}/artifacts/report.html`);
    expect([report.status, report.headers.get("content-type")]).toEqual([200, "text/html; charset=utf-8"]);
    expect(await report.text()).toContain('id="report-data"');

    const byReturn = (
      await call(t.url, "GET", `/api/sweeps/${id}/trials?sort=total_return&order=desc&limit=4`)
    ).body;
    const returns = byReturn.trials.map((x: { metrics: { total_return: number } }) => x.metrics.total_return);
    expect(returns, "sorted by total return, best first").toEqual([...returns].sort((a, b) => b - a));
    expect(byReturn.next_offset).toBe(4);

    const summary = await call(t.url, "GET", `/api/sweeps/${id}/artifacts/summary.json`);
    expect(summary.status).toBe(200);
    expect(summary.body.best.trial).toBe(view.best_trial);
    expect(summary.headers.get("etag"), "the ETag is the manifest's sha256").toMatch(/^"[0-9a-f]{64}"$/);
    const file = path.join(t.home.root, "sweeps", id, "summary.json");
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from(" ")]));
    const resized = await call(t.url, "GET", `/api/sweeps/${id}/artifacts/summary.json`);
    expect([resized.status, resized.body.error?.code], "a changed artifact is refused").toEqual([
      409,
      "INTEGRITY_MISMATCH",
    ]);
    rmSync(file);
    symlinkSync("/etc/passwd", file);
    const linked = await call(t.url, "GET", `/api/sweeps/${id}/artifacts/summary.json`);
    expect([linked.status, linked.body.error?.code], "a symlink is never followed").toEqual([
      409,
      "INTEGRITY_MISMATCH",
    ]);
    rmSync(file);
    writeFileSync(file, original);
    const again = await call(t.url, "POST", "/api/sweeps", spec(1));
    expect(again.status, "the same spec returns the existing sweep").toBe(200);
    expect(again.body.sweep.sweep_id).toBe(id);
    const gone = await followSse(`${t.url}/api/sweeps/${id}/events`, { headers: { "last-event-id": "999" } });
    expect(gone.status, "nothing left after Last-Event-ID for a finished sweep").toBe(204);
  }, 60_000);

  it("answers 400 CONFIG_INVALID naming the path for an unknown path, and lists sweeps in the OpenAPI document", async () => {
    const bad = await call(t.url, "POST", "/api/sweeps", { ...spec(2), space: { "execution.slipage": [1] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("CONFIG_INVALID");
    expect(bad.body.error.message).toContain("space.execution.slipage");
    const doc = (await call(t.url, "GET", "/api/openapi.json")).body;
    for (const p of [
      "/api/sweeps",
      "/api/sweeps/{id}",
      "/api/sweeps/{id}/trials",
      "/api/sweeps/{id}/runs",
      "/api/sweeps/{id}/events",
      "/api/sweeps/{id}/cancel",
    ])
      expect(Object.keys(doc.paths), `${p} is documented`).toContain(p);
  }, 60_000);
});
