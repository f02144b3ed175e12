/**
 * A real API server on an ephemeral loopback port over a fresh studio home, as the serve command builds it
 * (the home's plugin files loaded, resumeQueued, real pipeline). `close()` shuts it down gracefully.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadStudio } from "../../plugins/home-catalog.js";
import { type HomePaths, resolveHome } from "../../store/home.js";
import { type ApiServer, createServer, type ServerOptions } from "../create-server.js";
import { shutdownGracefully } from "../guards/graceful-shutdown.js";
import { listenOn } from "../guards/listen-on.js";

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly home: HomePaths;
  readonly server: ApiServer;
  close(): Promise<void>;
}

export function tempHome(): HomePaths {
  return resolveHome(mkdtempSync(path.join(tmpdir(), "studio-http-")));
}

export async function startTestServer(
  options: Partial<Omit<ServerOptions, "studio">> & { home?: HomePaths } = {},
): Promise<TestServer> {
  const home = options.home ?? tempHome();
  const { studio } = await loadStudio(home, { resumeQueued: true });
  const server = await createServer({ heartbeatMs: 250, ...options, studio, home });
  const url = await listenOn(server, "127.0.0.1", 0);
  let closed: Promise<void> | undefined;
  return {
    url,
    port: Number(new URL(url).port),
    home,
    server,
    close: () => {
      closed ??= shutdownGracefully(server);
      return closed;
    },
  };
}

/** A config small enough to run in well under a second (about two months of hourly synthetic bars). */
export function smallConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    symbol: "SYN",
    timeframe: "1h",
    start: "2023-01-02",
    end: "2023-02-28",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
    ...overrides,
  };
}
