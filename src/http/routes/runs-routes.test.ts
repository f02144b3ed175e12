import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDir } from "../../runs/run-paths.js";
import { call, runToEnd } from "../test-support/api-client.js";
import { followSse } from "../test-support/sse-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe("POST /api/runs", () => {
  it("answers 202 with a new run, 200 with the same run for an identical config, and 202 again when forced", async () => {
    const config = smallConfig({ seed: 11 });
    const first = await call(t.url, "POST", "/api/runs", config);
    expect(first.status).toBe(202);
    expect(first.body.reused).toBe(false);
    expect(first.headers.get("location")).toBe(`/api/runs/${first.body.run.run_id}`);
    await followSse(`${t.url}/api/runs/${first.body.run.run_id}/events`);

    const reordered = { ...config, strategy: { params: { slow: 20, fast: 5 }, name: "sma_crossover" } };
    const again = await call(t.url, "POST", "/api/runs", reordered);
    expect(again.status, "an identical config (by run hash) is reused").toBe(200);
    expect(again.body).toMatchObject({
      reused: true,
      run: { run_id: first.body.run.run_id, status: "completed" },
    });

    const forced = await call(t.url, "POST", "/api/runs?force=true", config);
    expect(forced.status).toBe(202);
    expect(forced.body.reused).toBe(false);
    expect(forced.body.run.run_id, "force queues a new run").not.toBe(first.body.run.run_id);
    await followSse(`${t.url}/api/runs/${forced.body.run.run_id}/events`);
  });

  it("starts from a preset with overrides given as preset_ref plus fields", async () => {
    const saved = await call(t.url, "PUT", "/api/presets/base", smallConfig({ seed: 12 }));
    expect(saved.status).toBe(201);
    const { run } = await runToEnd(t.url, { preset_ref: "base", strategy: { params: { fast: 3 } } });
    expect(run.status).toBe("completed");
    expect(run.config.preset_ref).toBe("base");
    expect(run.config.strategy.params, "objects merge: slow kept from the preset").toMatchObject({
      fast: 3,
      slow: 20,
    });
  });
});

describe("GET /api/runs", () => {
  it("lists runs newest first with metrics summaries, one page at a time through an opaque cursor", async () => {
    for (const seed of [21, 22, 23]) await runToEnd(t.url, smallConfig({ seed }));
    const everything = (await call(t.url, "GET", "/api/runs?limit=500")).body;
    const ids = everything.runs.map((r: { run_id: string }) => r.run_id);
    const created = everything.runs.map((r: { created_at: number }) => r.created_at);
    expect(created, "newest first").toEqual([...created].sort((a, b) => b - a));
    expect(everything.next_cursor, "no page after the last").toBeNull();

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
      const page = (await call(t.url, "GET", `/api/runs?limit=2${query}`)).body;
      expect(page.runs.length).toBeLessThanOrEqual(2);
      paged.push(...page.runs.map((r: { run_id: string }) => r.run_id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(paged, "pages concatenate to the full list").toEqual(ids);

    const completed = (await call(t.url, "GET", "/api/runs?status=completed&limit=500")).body.runs;
    expect(completed.length).toBeGreaterThanOrEqual(3);
    for (const r of completed) {
      expect(r.status).toBe("completed");
      expect(typeof r.metrics_summary?.sharpe, "each completed run carries its metrics summary").toBe(
        "number",
      );
    }
  });
});

describe("cancel and delete", () => {
  it("cancels a queued and a running run, then answers 409 for cancelling a finished one", async () => {
    const slow = await call(
      t.url,
      "POST",
      "/api/runs",
      smallConfig({ seed: 31, validation: { permutation: { n: 10_000 } } }),
    );
    const queued = await call(t.url, "POST", "/api/runs", smallConfig({ seed: 32 }));
    expect(queued.body.run.status).toBe("queued");

    const cancelledQueued = await call(t.url, "POST", `/api/runs/${queued.body.run.run_id}/cancel`);
    expect(cancelledQueued.status).toBe(200);
    expect(cancelledQueued.body).toMatchObject({ status: "cancelled", error_code: "CANCELLED" });

    const cancelledRunning = await call(t.url, "POST", `/api/runs/${slow.body.run.run_id}/cancel`);
    expect(cancelledRunning.status).toBe(200);
    expect(cancelledRunning.body.status, "answers once the run has stopped").toBe("cancelled");

    const again = await call(t.url, "POST", `/api/runs/${slow.body.run.run_id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_TRANSITION");
  });

  it("deletes a finished run's row and folder; the run is then 404", async () => {
    const { runId } = await runToEnd(t.url, smallConfig({ seed: 41 }));
    expect(existsSync(runDir(t.home, runId))).toBe(true);
    const deleted = await call(t.url, "DELETE", `/api/runs/${runId}`);
    expect(deleted.status).toBe(204);
    expect(existsSync(runDir(t.home, runId)), "the run folder is removed").toBe(false);
    const gone = await call(t.url, "GET", `/api/runs/${runId}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("NOT_FOUND");
  });

  it("refuses with 409 to delete a running run", async () => {
    const slow = await call(
      t.url,
      "POST",
      "/api/runs",
      smallConfig({ seed: 51, validation: { permutation: { n: 10_000 } } }),
    );
    const refused = await call(t.url, "DELETE", `/api/runs/${slow.body.run.run_id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("INVALID_TRANSITION");
    await call(t.url, "POST", `/api/runs/${slow.body.run.run_id}/cancel`);
  });
});
