import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { abortableSleep, getJsonWithRetry, type RetryOptions } from "./http-retry.js";

type Answer = { status: number; headers?: Record<string, string>; body?: string };
let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** A server that gives the scripted answers in turn (then 200 `{"ok":true}`), counting requests. */
async function scripted(answers: Answer[]): Promise<{ url: string; requests: () => number }> {
  let n = 0;
  server = http.createServer((_req, res) => {
    const a = answers[n++] ?? { status: 200, body: '{"ok":true}' };
    res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
    res.end(a.body ?? "{}");
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`, requests: () => n };
}

function options(waits: number[], over: Partial<RetryOptions> = {}): RetryOptions {
  const sleep = async (ms: number) => void waits.push(ms);
  return {
    maxRetries: 4,
    baseDelayMs: 500,
    maxDelayMs: 3000,
    timeoutMs: 10_000,
    label: "test",
    sleep,
    ...over,
  };
}

describe("getJsonWithRetry", () => {
  it("backs off base x 2^attempt, capped at the longest wait, then succeeds", async () => {
    const s = await scripted([{ status: 503 }, { status: 500 }, { status: 502 }, { status: 429 }]);
    const waits: number[] = [];
    expect(await getJsonWithRetry(s.url, options(waits))).toEqual({ ok: true });
    expect(waits, "500, 1000, 2000, then 4000 capped to 3000").toEqual([500, 1000, 2000, 3000]);
    expect(s.requests()).toBe(5);
  });

  it("waits as long as Retry-After asks when that is longer than the backoff", async () => {
    const s = await scripted([{ status: 429, headers: { "retry-after": "2" } }]);
    const waits: number[] = [];
    await getJsonWithRetry(s.url, options(waits));
    expect(waits).toEqual([2000]);
  });

  it("does not wait after the last attempt", async () => {
    const s = await scripted([{ status: 500 }, { status: 500 }]);
    const waits: number[] = [];
    await expect(getJsonWithRetry(s.url, options(waits, { maxRetries: 1 }))).rejects.toMatchObject({
      code: "PROVIDER_UNAVAILABLE",
    });
    expect(waits, "two attempts, one wait between them").toEqual([500]);
  });

  it("turns an abort during the wait into CANCELLED", async () => {
    const s = await scripted([{ status: 500 }]);
    const ctrl = new AbortController();
    const sleep = (ms: number, signal?: AbortSignal) => {
      const waiting = abortableSleep(ms, signal);
      ctrl.abort();
      return waiting;
    };
    await expect(
      getJsonWithRetry(s.url, {
        ...options([]),
        sleep,
        maxDelayMs: 3_600_000,
        baseDelayMs: 3_600_000,
        signal: ctrl.signal,
      }),
    ).rejects.toMatchObject({ code: "CANCELLED" });
    expect(s.requests()).toBe(1);
  });
});

describe("abortableSleep", () => {
  it("resolves after a short wait", async () => {
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });

  it("rejects at once when the signal aborts, long before its hour is up", async () => {
    const ctrl = new AbortController();
    const waiting = abortableSleep(3_600_000, ctrl.signal);
    ctrl.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });

  it("rejects without waiting when the signal is already aborted", async () => {
    await expect(abortableSleep(3_600_000, AbortSignal.abort(new Error("late")))).rejects.toThrow("late");
  });
});
