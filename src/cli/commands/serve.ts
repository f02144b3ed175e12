/**
 * @module cli/commands/serve
 * `studio serve [--host 127.0.0.1] [--port 8787] [--allowed-host NAME ...]`: the HTTP API (docs/api.md) over the
 * same studio the other commands use. It binds loopback unless told otherwise, refuses a public address without
 * STUDIO_TOKEN before touching the studio, prints one `listening on URL` line once it accepts connections, and
 * on SIGTERM/SIGINT shuts down gracefully (queued runs stay queued, a running one is left for recovery). A second
 * signal, or a shutdown stuck for 10 s, exits at once.
 */
import type { Command } from "commander";
import { quote, StudioError } from "../../core/errors.js";
import type { ApiServer } from "../../http/create-server.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "../../http/defaults.js";
import { tokenForBind } from "../../http/guards/bind-policy.js";
import { allowedHostsFromEnv, hostPolicy } from "../../http/guards/host-policy.js";
import { action, openCliStudio, printJson } from "../context.js";
import { parseRedisUrl } from "./worker.js";

interface ServeOptions {
  host: string;
  port: string;
  allowedHost: string[];
}

const FORCED_EXIT_MS = 10_000;
const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65_535)) {
    throw new StudioError("CONFIG_INVALID", `--port must be 0..65535, got ${quote(text)}`);
  }
  return port;
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", on);
      process.off("SIGINT", on);
      resolve(signal);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("start the HTTP API (docs/api.md); binding beyond loopback requires STUDIO_TOKEN")
    .option("--host <address>", "address to bind; a non-loopback one requires STUDIO_TOKEN", DEFAULT_HOST)
    .option("--port <port>", "TCP port (0: any free port)", String(DEFAULT_PORT))
    .option(
      "--allowed-host <name>",
      "also accept this Host header, e.g. studio.lan or studio.lan:8787 (repeatable; or STUDIO_ALLOWED_HOSTS)",
      collect,
      [],
    )
    .action(
      action(async (ctx, opts: ServeOptions) => {
        const port = parsePort(opts.port);
        const token = process.env.STUDIO_TOKEN;
        const allowedHosts = [...allowedHostsFromEnv(process.env.STUDIO_ALLOWED_HOSTS), ...opts.allowedHost];
        // Everything that can refuse the start runs before the studio opens, because opening resumes queued runs.
        tokenForBind(opts.host, token);
        hostPolicy(allowedHosts, opts.host);
        // Sweeps then run on `studio worker` processes (docs/sweeps.md); the URL is checked before anything opens.
        const redisEnv = process.env.STUDIO_REDIS_URL;
        const redisUrl = redisEnv ? parseRedisUrl(redisEnv, "STUDIO_REDIS_URL") : undefined;
        // The HTTP stack loads only for this command, so every other command starts fast.
        const [{ createServer }, { shutdownGracefully }, { listenOn, probeListen }] = await Promise.all([
          import("../../http/create-server.js"),
          import("../../http/guards/graceful-shutdown.js"),
          import("../../http/guards/listen-on.js"),
        ]);
        await probeListen(opts.host, port);
        const studio = await openCliStudio(ctx, { resumeQueued: true });
        let server: ApiServer;
        let url: string;
        try {
          server = await createServer({
            studio,
            home: ctx.home,
            bind: opts.host,
            token,
            allowedHosts,
            ...(redisUrl === undefined ? {} : { redisUrl }),
          });
          url = await listenOn(server, opts.host, port);
        } catch (err) {
          studio.close();
          throw err;
        }
        if (ctx.json) printJson({ listening: url, home: ctx.home.root });
        else process.stdout.write(`listening on ${url}\n`);

        const signal = await nextSignal();
        process.stderr.write(`${signal}: shutting down (queued runs stay queued)\n`);
        const force = () => process.exit(1);
        process.once("SIGTERM", force);
        process.once("SIGINT", force);
        setTimeout(force, FORCED_EXIT_MS).unref();
        await shutdownGracefully(server);
        // A run that was running keeps worker threads busy; recovery handles it at the next start.
        process.exit(0);
      }),
    );
}
