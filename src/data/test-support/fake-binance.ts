/**
 * A local stand-in for Binance's public REST API, started on 127.0.0.1 by a test: it serves klines in the
 * exchange's documented array format, honours symbol/interval/startTime/endTime/limit like the real endpoint
 * (limit capped at 1000), and can be told to fail a given request with any status, headers and body.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TIMEFRAME_MS, type Timeframe } from "../../core/timeframe.js";

export interface Failure {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface FakeBinance {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: URL[];
  close(): Promise<void>;
}

/** Klines [openTime, o, h, l, c, v, closeTime, quoteVolume, trades, ...] for bars first..first+count-1. */
export function klineRows(first: number, count: number, timeframe: Timeframe): unknown[][] {
  const step = TIMEFRAME_MS[timeframe];
  return Array.from({ length: count }, (_, i) => {
    const t = first + i * step;
    const o = 100 + i;
    const c = o + 0.5;
    return [
      t,
      `${o}.00`,
      `${c + 1}`,
      `${o - 1}`,
      `${c}`,
      "2.5",
      t + step - 1,
      `${(o + 0.2) * 2.5}`,
      42,
      "1",
      "1",
      "0",
    ];
  });
}

export async function startFakeBinance(
  series: Record<string, unknown[][]>,
  fail: (n: number, url: URL) => Failure | undefined = () => undefined,
): Promise<FakeBinance> {
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url);
    const failure = fail(requests.length, url);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (failure)
      return send(failure.status, failure.body ?? { code: -1000, msg: "failure" }, failure.headers);
    if (url.pathname !== "/api/v3/klines") return send(404, { code: -1, msg: "not found" });
    const rows = series[url.searchParams.get("symbol") ?? ""];
    if (!rows) return send(400, { code: -1121, msg: "Invalid symbol." });
    const start = Number(url.searchParams.get("startTime") ?? 0);
    const end = Number(url.searchParams.get("endTime") ?? Number.MAX_SAFE_INTEGER);
    const limit = Math.min(1000, Number(url.searchParams.get("limit") ?? 500));
    const page = rows.filter((k) => (k[0] as number) >= start && (k[0] as number) <= end).slice(0, limit);
    send(200, page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
