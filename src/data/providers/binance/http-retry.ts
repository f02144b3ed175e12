/**
 * @module data/providers/binance/http-retry
 * GET a JSON document from a remote provider, patiently: network errors, timeouts, 429/418 (rate limit, ban)
 * and 5xx are retried with exponential backoff (base x 2^attempt, capped), honouring a `Retry-After` header
 * when the server sends one. Other 4xx answers are not retried: asking again will not change them. When the
 * server stays unreachable the error is PROVIDER_UNAVAILABLE naming the host, the attempts and the last failure;
 * an abort by the caller is CANCELLED. The wait between attempts is injectable (`sleep`), so tests can check the
 * backoff and Retry-After schedule without waiting it out.
 */
import { StudioError } from "../../../core/errors.js";

export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  /** Longest single wait; a Retry-After beyond it fails at once instead of hanging the caller. */
  readonly maxDelayMs: number;
  /** Per attempt. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Who is asking, for messages (e.g. "binance"). */
  readonly label: string;
  /** Waits `ms` between attempts; rejects when `signal` aborts. Defaults to a timer (`abortableSleep`). */
  readonly sleep?: Sleep;
}

/** A wait that can be cut short: resolves after `ms`, or rejects as soon as `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A 4xx answer that is not worth retrying; the caller maps it to its own error. */
export class HttpClientError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

const RETRYABLE = (status: number) => status === 429 || status === 418 || status >= 500;

export async function getJsonWithRetry(url: string, o: RetryOptions): Promise<unknown> {
  const host = new URL(url).origin;
  let last = "no attempt";
  for (let attempt = 0; attempt <= o.maxRetries; attempt++) {
    let wait = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
    try {
      const signals = [AbortSignal.timeout(o.timeoutMs), ...(o.signal ? [o.signal] : [])];
      const res = await fetch(url, {
        signal: AbortSignal.any(signals),
        headers: { accept: "application/json" },
      });
      if (res.ok) return await readJson(res, o.label, host);
      const body = await res.text().catch(() => "");
      if (!RETRYABLE(res.status)) throw new HttpClientError(res.status, parseMaybe(body));
      last = `HTTP ${res.status}`;
      const after = Number(res.headers.get("retry-after"));
      if (Number.isFinite(after) && after > 0) {
        if (after * 1000 > o.maxDelayMs) {
          throw unavailable(`${o.label}: ${host} asks to retry after ${after} s (${last}); try again later`);
        }
        wait = Math.max(wait, after * 1000);
      }
    } catch (err) {
      if (o.signal?.aborted) throw new StudioError("CANCELLED", `${o.label}: request cancelled`);
      if (err instanceof HttpClientError || err instanceof StudioError) throw err;
      last = describe(err, o.timeoutMs);
    }
    if (attempt < o.maxRetries) {
      try {
        await (o.sleep ?? abortableSleep)(wait, o.signal);
      } catch (err) {
        if (o.signal?.aborted) throw new StudioError("CANCELLED", `${o.label}: request cancelled`);
        throw err;
      }
    }
  }
  throw unavailable(`${o.label}: ${host} unavailable after ${o.maxRetries + 1} attempts (last: ${last})`);
}

function unavailable(message: string): StudioError {
  return new StudioError("PROVIDER_UNAVAILABLE", message);
}

async function readJson(res: Response, label: string, host: string): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    throw unavailable(`${label}: ${host} answered with malformed JSON: ${text.slice(0, 80)}`);
  }
}

function parseMaybe(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
