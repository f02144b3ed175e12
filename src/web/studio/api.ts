/**
 * @module web/studio/api
 * The studio's calls to the HTTP API on the same origin. Errors come back as the API's `{error: {code,
 * message}}` and are thrown as ApiError so pages can show the code and message as they are.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, {
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string>) },
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.details);
  }
  return body as T;
}

export interface RunView {
  run_id: string;
  status: "queued" | "running" | "completed" | "failed" | "cancelled";
  stage: string | null;
  created_at: number;
  error_code: string | null;
  error_message: string | null;
  config: Record<string, unknown>;
  metrics_summary: Record<string, unknown> | null;
  progress: { last_seq: number; stage: string | null; ratio: number } | null;
}

export interface SweepView {
  sweep_id: string;
  sweep_hash: string;
  status: RunView["status"];
  strategy: string;
  symbol: string;
  timeframe: string;
  objective: string;
  dimensions: string[];
  stage: string | null;
  created_at: number;
  finished_at: number | null;
  trials: { planned: number; done: number; skipped: number; failed: number };
  best_trial: number | null;
  best_objective: number | null;
  artifacts_manifest_sha: string | null;
  error: { code: string; message: string | null } | null;
}

export interface CatalogEntry {
  name: string;
  summary: string;
  params: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
}

export interface Catalog {
  providers: CatalogEntry[];
  strategies: CatalogEntry[];
  risk_models: CatalogEntry[];
  stages: string[];
  [family: string]: unknown;
}

export const isFinished = (s: RunView["status"]): boolean =>
  s === "completed" || s === "failed" || s === "cancelled";

/** The run's report as a string (for its data blob: the compare page overlays the downsampled equity). */
export async function reportData(
  runId: string,
): Promise<{ series: { equity: { t: number[]; y: number[] } } } | null> {
  const res = await fetch(`/api/runs/${runId}/artifacts/report.html`);
  if (!res.ok) return null;
  const m = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(await res.text());
  return m ? JSON.parse(m[1]!) : null;
}
