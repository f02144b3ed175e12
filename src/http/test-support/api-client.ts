/** Small fetch wrappers for the API tests: JSON in, status and parsed JSON out. */
import { eventOf, followSse } from "./sse-client.js";

/** Response bodies in tests: the assertions check their shape, so the type does not have to. */
// biome-ignore lint/suspicious/noExplicitAny: a test's expect() is the type check here
export type Loose = any;

export interface JsonResponse<T = Loose> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export async function call<T = Loose>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}

/** Submits a config and follows its event stream to `end`; returns the run id and the final run. */
export async function runToEnd(
  base: string,
  config: unknown,
  query = "",
): Promise<{ runId: string; run: Loose }> {
  const submitted = await call(base, "POST", `/api/runs${query}`, config);
  if (submitted.status !== 202 && submitted.status !== 200) {
    throw new Error(`submit answered ${submitted.status}: ${JSON.stringify(submitted.body)}`);
  }
  const runId: string = submitted.body.run.run_id;
  const stream = await followSse(`${base}/api/runs/${runId}/events`);
  const last = stream.messages.at(-1);
  if (stream.status === 200 && (last === undefined || eventOf(last).type !== "end")) {
    throw new Error(`stream of ${runId} ended without an end event`);
  }
  const run = (await call(base, "GET", `/api/runs/${runId}`)).body;
  return { runId, run };
}
