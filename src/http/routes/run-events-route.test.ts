import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CRASHED, CRASHED_LAST_SEQ, crashedHome } from "../../runs/test-support/crashed-home.js";
import { call, runToEnd } from "../test-support/api-client.js";
import { eventOf, followSse } from "../test-support/sse-client.js";
import { smallConfig, startTestServer, type TestServer } from "../test-support/start-test-server.js";
import { resumeAfter } from "./run-events-route.js";

/** Slow enough (a permutation test) that a client can drop and reconnect while the run is still going. */
const slowConfig = (seed: number) => smallConfig({ seed, validation: { permutation: { n: 10_000 } } });

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const seqs = (messages: { data: string }[]) => messages.map((m) => eventOf(m as never).seq);

describe("GET /api/runs/:id/events", () => {
  it("streams every event with id = seq, event = type and the event as JSON data, ending with end", async () => {
    const submitted = await call(t.url, "POST", "/api/runs", smallConfig({ seed: 1 }));
    const stream = await followSse(`${t.url}/api/runs/${submitted.body.run.run_id}/events`);
    expect(stream.status).toBe(200);
    expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(stream.endedByServer, "the server closes the stream after end").toBe(true);
    const events = stream.messages.map(eventOf);
    expect(
      events.map((e) => e.seq),
      "a new run's stream starts at seq 1, gapless",
    ).toEqual(events.map((_, i) => i + 1));
    for (const m of stream.messages) {
      const e = eventOf(m);
      expect(m.id, "id carries the seq").toBe(String(e.seq));
      expect(m.event, "event carries the type").toBe(e.type);
    }
    expect(events.at(-1)?.type).toBe("end");
    expect(events.at(-1)?.data.status).toBe("completed");
  });

  it("replays exactly the events after Last-Event-ID when a client reconnects mid-run", async () => {
    const submitted = await call(t.url, "POST", "/api/runs", slowConfig(2));
    const runId: string = submitted.body.run.run_id;
    const first = await followSse(`${t.url}/api/runs/${runId}/events`, {
      until: (m) => m.event === "stage" && eventOf(m).data.stage === "validation",
    });
    const seen = seqs(first.messages).at(-1)!;
    // Wait until the run has moved on without us, so the reconnect has missed events to replay.
    let view = (await call(t.url, "GET", `/api/runs/${runId}`)).body;
    while (view.progress.last_seq < seen + 2 && view.status === "running") {
      await new Promise((r) => setTimeout(r, 20));
      view = (await call(t.url, "GET", `/api/runs/${runId}`)).body;
    }
    expect(view.status, "the reconnect happens while the run is still running").toBe("running");
    // Once the reconnect has its first event, cancel the run so the stream ends now instead of after 10,000
    // permutations; the cancellation's own events are then live events of the same stream.
    let cancelling: Promise<unknown> | undefined;
    const second = await followSse(`${t.url}/api/runs/${runId}/events`, {
      headers: { "last-event-id": String(seen) },
      until: () => {
        cancelling ??= call(t.url, "POST", `/api/runs/${runId}/cancel`);
        return false;
      },
    });
    await cancelling;
    const all = await followSse(`${t.url}/api/runs/${runId}/events`);
    const expected = seqs(all.messages).filter((s) => s > seen);
    expect(seqs(second.messages), "exactly the events after Last-Event-ID, in order").toEqual(expected);
    expect(
      second.messages.map((m) => m.data),
      "the same events, not look-alikes",
    ).toEqual(all.messages.filter((m) => eventOf(m).seq > seen).map((m) => m.data));
    expect(
      [...seqs(first.messages), ...seqs(second.messages)],
      "together nothing is lost or doubled",
    ).toEqual(seqs(all.messages));
    expect(eventOf(second.messages.at(-1)!).type).toBe("end");
  });

  it("accepts ?last_event_id= for clients that cannot set headers, and the header wins over it", async () => {
    const { runId } = await runToEnd(t.url, smallConfig({ seed: 3 }));
    const all = seqs((await followSse(`${t.url}/api/runs/${runId}/events`)).messages);
    const byQuery = await followSse(`${t.url}/api/runs/${runId}/events?last_event_id=3`);
    expect(seqs(byQuery.messages)).toEqual(all.filter((s) => s > 3));
    const both = await followSse(`${t.url}/api/runs/${runId}/events?last_event_id=3`, {
      headers: { "last-event-id": "5" },
    });
    expect(seqs(both.messages), "Last-Event-ID (set by a reconnecting EventSource) wins").toEqual(
      all.filter((s) => s > 5),
    );
  });

  it("replays a finished run's final status and end events after a restart, and answers 204 past the end", async () => {
    const { runId, run } = await runToEnd(t.url, smallConfig({ seed: 4 }));
    const again = await startTestServer({ home: t.home });
    try {
      const stream = await followSse(`${again.url}/api/runs/${runId}/events`);
      const events = stream.messages.map(eventOf);
      expect(events.map((e) => e.type)).toEqual(["status", "end"]);
      expect(
        events.map((e) => e.seq),
        "numbered as the live stream ended",
      ).toEqual([run.progress.last_seq - 1, run.progress.last_seq]);
      expect(events[1]?.data.metrics_summary).toEqual(run.metrics_summary);
      const past = await followSse(`${again.url}/api/runs/${runId}/events`, {
        headers: { "last-event-id": String(run.progress.last_seq) },
      });
      expect(past.status, "204 tells an EventSource not to reconnect").toBe(204);
    } finally {
      await again.server.app.close();
    }
  });

  it("tells a client that saw the last event of a run interrupted by a crash how it ended, instead of 204", async () => {
    const recovered = await startTestServer({ home: crashedHome() });
    try {
      const stream = await followSse(`${recovered.url}/api/runs/${CRASHED}/events`, {
        headers: { "last-event-id": String(CRASHED_LAST_SEQ) },
      });
      expect(stream.status).toBe(200);
      const events = stream.messages.map(eventOf);
      expect(events.map((e) => [e.seq, e.type])).toEqual([
        [CRASHED_LAST_SEQ + 1, "status"],
        [CRASHED_LAST_SEQ + 2, "end"],
      ]);
      expect(events[1]?.data).toMatchObject({ status: "failed", error: { code: "INTERRUPTED" } });
      const past = await followSse(`${recovered.url}/api/runs/${CRASHED}/events`, {
        headers: { "last-event-id": String(CRASHED_LAST_SEQ + 2) },
      });
      expect(past.status, "nothing left after the end").toBe(204);
    } finally {
      await recovered.close();
    }
  });

  it("sends heartbeat comments while a run is idle in the queue", async () => {
    const slow = await call(t.url, "POST", "/api/runs", slowConfig(5));
    const queued = await call(t.url, "POST", "/api/runs", smallConfig({ seed: 6 }));
    expect(queued.body.run.status, "one run at a time: the second waits").toBe("queued");
    const stream = await followSse(`${t.url}/api/runs/${queued.body.run.run_id}/events`, {
      untilComment: (c) => c === "heartbeat",
    });
    expect(stream.comments, "a heartbeat while queued").toContain("heartbeat");
    expect((await call(t.url, "GET", `/api/runs/${queued.body.run.run_id}`)).body.status).toBe("queued");
    await call(t.url, "POST", `/api/runs/${queued.body.run.run_id}/cancel`);
    await call(t.url, "POST", `/api/runs/${slow.body.run.run_id}/cancel`);
  });

  it("releases the run subscription when the client hangs up", async () => {
    const unsubscribed = vi.fn();
    const subscribe = t.server.studio.subscribe.bind(t.server.studio);
    const spy = vi.spyOn(t.server.studio, "subscribe").mockImplementation((id, after, listener) => {
      const off = subscribe(id, after, listener);
      return () => {
        unsubscribed();
        off();
      };
    });
    try {
      const slow = await call(t.url, "POST", "/api/runs", slowConfig(7));
      const runId: string = slow.body.run.run_id;
      await followSse(`${t.url}/api/runs/${runId}/events`, { until: () => true });
      let health = (await call(t.url, "GET", "/api/health")).body;
      for (let i = 0; i < 100 && health.sse_clients > 0; i++) {
        await new Promise((r) => setTimeout(r, 20));
        health = (await call(t.url, "GET", "/api/health")).body;
      }
      expect(health.sse_clients, "the stream is gone from the server").toBe(0);
      expect(unsubscribed, "the studio subscription was released").toHaveBeenCalledTimes(1);
      expect((await call(t.url, "GET", `/api/runs/${runId}`)).body.status, "hung up mid-run").toBe("running");
      await call(t.url, "POST", `/api/runs/${runId}/cancel`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("resumeAfter", () => {
  it("reads the header first, then the query, and treats absent or empty as the start", () => {
    expect(resumeAfter("7", "3")).toBe(7);
    expect(resumeAfter(undefined, "3")).toBe(3);
    expect(resumeAfter(undefined, undefined)).toBe(0);
    expect(resumeAfter("", undefined)).toBe(0);
  });

  it.each(["-1", "1.5", "abc", "1e3", "99999999999999999"])("refuses %s as CONFIG_INVALID", (value) => {
    expect(() => resumeAfter(value, undefined)).toThrow(/Last-Event-ID/);
  });
});
