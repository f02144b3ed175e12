/**
 * @module cli/commands/worker
 * `studio worker --redis URL --coordinator http://HOST:PORT [--concurrency N] [--lock-ms MS]`: runs sweep
 * trials for a coordinator (`studio sweep --redis URL`, or a server started with STUDIO_REDIS_URL) from any
 * machine that reaches its Redis and its HTTP API. Candles come from the coordinator by hash (STUDIO_TOKEN is
 * sent as the bearer token, required when the coordinator listens beyond loopback) and are cached in this
 * home. It prints one `worker ready` line once it takes jobs, and on SIGTERM/SIGINT finishes its current batch
 * and exits; a worker killed outright loses its batch to another worker after the lock time.
 */
import type { Command } from "commander";
import { quote, StudioError } from "../../core/errors.js";
import { action, printJson } from "../context.js";

interface WorkerOptions {
  redis: string;
  coordinator: string;
  concurrency: string;
  lockMs: string;
}

/** A redis:// or rediss:// URL, or CONFIG_INVALID naming where it came from. */
export function parseRedisUrl(text: string, option: string): string {
  return parseUrl(text, option, ["redis:", "rediss:"]);
}

/** The URL without its password, for messages. */
function shown(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function parseUrl(text: string, option: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StudioError("CONFIG_INVALID", `${option} must be a URL, got ${quote(text)}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `${option} must start with ${protocols.map((p) => `${p}//`).join(" or ")}, got ${quote(text)}`,
    );
  }
  return url.toString();
}

function parseCount(text: string, option: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `${option} must be an integer ${min}..${max}, got ${quote(text)}`,
    );
  }
  return n;
}

export function registerWorkerCommand(program: Command): void {
  program
    .command("worker")
    .description("run sweep trials from a Redis queue for a coordinator on any machine (docs/sweeps.md)")
    .requiredOption("--redis <url>", "the coordinator's Redis, e.g. redis://10.0.0.5:6379")
    .requiredOption("--coordinator <url>", "the coordinator's HTTP API, e.g. http://10.0.0.5:8787")
    .option("--concurrency <n>", "batches at once", "1")
    .option("--lock-ms <ms>", "a silent worker's batch goes to another worker after this long", "30000")
    .action(
      action(async (ctx, opts: WorkerOptions) => {
        const redisUrl = parseRedisUrl(opts.redis, "--redis");
        const coordinator = parseUrl(opts.coordinator, "--coordinator", ["http:", "https:"]);
        const concurrency = parseCount(opts.concurrency, "--concurrency", 1, 64);
        const lockMs = parseCount(opts.lockMs, "--lock-ms", 1000, 3_600_000);
        const [{ startSweepWorker }, { loadHomeCatalog }] = await Promise.all([
          import("../../sweeps/transport/redis-worker.js"),
          import("../../plugins/home-catalog.js"),
        ]);
        // This home's plugin files: jobs from a coordinator with other plugins (sha256) are refused.
        const { catalog } = await loadHomeCatalog(ctx.home);
        const token = process.env.STUDIO_TOKEN;
        const worker = startSweepWorker({
          redisUrl,
          coordinator,
          home: ctx.home,
          catalog,
          concurrency,
          lockMs,
          ...(token ? { token } : {}),
          onJob: (e) => {
            if (e.outcome === "failed") process.stderr.write(`job ${e.id} failed: ${e.message}\n`);
          },
          onError: (err) => process.stderr.write(`redis: ${err.message}\n`),
        });
        await worker.ready;
        if (ctx.json) printJson({ worker: "ready", redis: shown(redisUrl), coordinator });
        else process.stdout.write(`worker ready (redis ${shown(redisUrl)}, coordinator ${coordinator})\n`);
        const signal = await new Promise<NodeJS.Signals>((resolve) => {
          process.once("SIGTERM", resolve);
          process.once("SIGINT", resolve);
        });
        process.stderr.write(`${signal}: finishing the current batch\n`);
        await worker.close();
        process.exit(0);
      }),
    );
}
