/**
 * The Redis transport from the command line, every component real: `studio serve` on the coordinator's home
 * (its HTTP API serves the candles), `studio sweep --redis` on that home, two `studio worker` processes with
 * homes of their own; the artifacts must be byte for byte those of `studio sweep` in one process.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStudio, studio, tempHome, writeJson } from "../../cli/test-support/studio-cli.js";
import { type RedisHandle, startRedis } from "./test-support/redis-server.js";
import { SMALL_SWEEP } from "./test-support/sweep-fixture.js";
import { startWorker, type WorkerProcess } from "./test-support/worker-process.js";

let redis: RedisHandle;
const children: { kill(signal?: NodeJS.Signals): unknown }[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await redis?.stop();
});

async function serve(home: string): Promise<string> {
  const child = startStudio(["--home", home, "serve", "--port", "0"]);
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr?.on("data", (d) => (out += d));
    child.once("exit", (code) => reject(new Error(`studio serve exited with ${code}: ${out}`)));
  });
}

const artifacts = (dir: string) => ({
  summary: readFileSync(path.join(dir, "summary.json"), "utf8"),
  trials: readFileSync(path.join(dir, "trials.parquet")),
});

describe("studio sweep --redis with two studio worker processes", () => {
  it("writes summary.json and trials.parquet byte for byte as a single-process sweep", async () => {
    const single = tempHome();
    const spec = writeJson(single, "spec.json", SMALL_SWEEP);
    const alone = await studio(["--home", single, "--json", "sweep", spec, "--threads", "0"]);
    expect(alone.code, alone.stderr).toBe(0);

    const home = tempHome();
    const url = await serve(home);
    const workers: WorkerProcess[] = await Promise.all([
      startWorker(redis.url, url, ["--lock-ms", "2000"]),
      startWorker(redis.url, url, ["--lock-ms", "2000"]),
    ]);
    children.push(...workers);
    const spread = await studio(["--home", home, "--json", "sweep", spec, "--redis", redis.url]);
    expect(spread.code, spread.stderr).toBe(0);

    const a = artifacts(JSON.parse(alone.stdout).sweep_dir);
    const b = artifacts(JSON.parse(spread.stdout).sweep_dir);
    expect(JSON.parse(a.summary).counts.run, "the reference ran every trial").toBeGreaterThanOrEqual(30);
    expect(b.summary, "summary.json").toBe(a.summary);
    expect(b.trials.equals(a.trials), "trials.parquet bytes").toBe(true);
    const downloaded = workers.filter((w) => existsSync(path.join(w.home, "cache", "remote-candles")));
    expect(downloaded.length, "the trials ran on the workers, which fetched the candles").toBeGreaterThan(0);
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
  }, 180_000);

  it("fails the sweep with PLUGIN_INVALID in its status when the workers' plugins differ", async () => {
    // `studio init` gives the worker's home an example strategy and indicator the coordinator does not have.
    const workerHome = tempHome();
    expect((await studio(["init", workerHome])).code).toBe(0);
    const home = tempHome();
    const url = await serve(home);
    const worker = await startWorker(redis.url, url, ["--lock-ms", "2000"], workerHome);
    children.push(worker);
    const spec = writeJson(home, "spec.json", SMALL_SWEEP);
    const r = await studio(["--home", home, "--json", "sweep", spec, "--redis", redis.url]);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.error.code).toBe("PLUGIN_INVALID");
    expect(out.error.message).toMatch(
      /worker refuses the job: user plugin "(strategies\/example|indicators\/range_position)"/,
    );
    const shown = await studio(["--home", home, "--json", "sweeps", "show", out.sweep_id]);
    const view = JSON.parse(shown.stdout);
    expect(view.status).toBe("failed");
    expect(view.error.code, "the sweep's status names the refusal").toBe("PLUGIN_INVALID");
    await worker.kill("SIGTERM");
  }, 120_000);

  it("refuses a --redis that is not a redis:// URL before any work", async () => {
    const home = tempHome();
    const spec = writeJson(home, "spec.json", SMALL_SWEEP);
    const r = await studio(["--home", home, "sweep", spec, "--redis", "http://127.0.0.1:6379"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_INVALID: --redis must start with redis:\/\/ or rediss:\/\//);
  });
});
