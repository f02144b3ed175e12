import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StudioError } from "../../core/errors.js";
import { type RedisTransportOptions, redisTrialRunner } from "./redis-coordinator.js";
import { SWEEP_QUEUE } from "./sweep-job.js";
import { type RedisHandle, startRedis } from "./test-support/redis-server.js";
import { type SweepBytes, type SweepFixture, sweepFixture } from "./test-support/sweep-fixture.js";
import { startWorker, type WorkerProcess } from "./test-support/worker-process.js";

let redis: RedisHandle;
let fx: SweepFixture;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  [redis, fx] = await Promise.all([startRedis(), sweepFixture()]);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGKILL")));
  await fx?.close();
  await redis?.stop();
});

/**
 * Every worker of the file gets the same short lock: the stalled-job check is rate-limited queue-wide by the
 * last worker that ran it, so one worker with the default 30 s lock would delay recovery for all.
 */
const LOCK = ["--lock-ms", "2000"];

async function workersUp(n: number): Promise<WorkerProcess[]> {
  const started = await Promise.all(Array.from({ length: n }, () => startWorker(redis.url, fx.url, LOCK)));
  workers.push(...started);
  return started;
}

function sweep(sweepId: string, extra: Partial<RedisTransportOptions> = {}): Promise<SweepBytes> {
  return fx.sweep({
    runTrials: redisTrialRunner({
      redisUrl: redis.url,
      sweepId,
      candleHash: fx.candles.candleHash,
      candleSha256: fx.candles.sha256,
      plugins: {},
      batchSize: 4,
      ...extra,
    }),
  });
}

function expectSameBytes(got: SweepBytes): void {
  expect(got.summary.toString(), "summary.json as in a single-process run").toBe(
    fx.reference.summary.toString(),
  );
  expect(got.trials.equals(fx.reference.trials), "trials.parquet byte for byte as in one process").toBe(true);
}

describe("sweeps over Redis with studio worker processes", () => {
  it("gives two workers' summary.json and trials.parquet byte for byte equal to a single-process run", async () => {
    expect(fx.plan.trials.length, "a grid of tens of trials").toBeGreaterThanOrEqual(30);
    const summary = JSON.parse(fx.reference.summary.toString());
    expect(summary.counts.run, "every trial of the reference ran").toBe(fx.plan.trials.length);
    expect(summary.statistics.pbo, "the summary holds statistics over all trials").toBeTypeOf("number");
    const pair = await workersUp(2);
    expectSameBytes(await sweep("two-workers"));
    await Promise.all(pair.map((w) => w.kill("SIGTERM")));
  }, 120_000);

  it("still gets the same result when a worker is killed (SIGKILL) holding a batch", async () => {
    const [victim] = await workersUp(1);
    const events = new QueueEvents(SWEEP_QUEUE, { connection: { url: redis.url } });
    let stalled = 0;
    events.on("stalled", () => stalled++);
    await events.waitUntilReady();
    const firstActive = new Promise((resolve) => events.once("active", resolve));
    const running = sweep("killed-worker", { batchSize: 1 });
    // A lone worker always holds a batch while the queue is not empty (BullMQ hands it the next one as it
    // finishes one), so killing it now leaves a locked batch that only stalled-job recovery can free.
    await firstActive;
    await victim!.kill("SIGKILL");
    expect(victim!.child.signalCode).toBe("SIGKILL");
    const [survivor] = await workersUp(1);
    const got = await running;
    expect(stalled, "the dead worker's batch was recovered as stalled").toBeGreaterThanOrEqual(1);
    expectSameBytes(got);
    await events.close();
    await survivor!.kill("SIGTERM");
  }, 120_000);

  it("fails the sweep with PLUGIN_INVALID when the workers' plugins differ from the coordinator's", async () => {
    const [w] = await workersUp(1);
    const err = await sweep("plugin-mismatch", {
      plugins: { "strategies/my_edge": "ab".repeat(32) },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).code).toBe("PLUGIN_INVALID");
    expect((err as StudioError).message).toMatch(/strategies\/my_edge.*differs from the coordinator's/);
    await w!.kill("SIGTERM");
  }, 60_000);
});
