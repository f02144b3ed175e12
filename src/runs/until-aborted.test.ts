import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseRunConfigShape } from "../core/run-config.js";
import { resolveHome } from "../store/home.js";
import type { Pipeline } from "./pipeline-types.js";
import { stagingDir } from "./run-paths.js";
import { Studio } from "./studio.js";
import { fakePipeline } from "./test-support/fake-pipeline.js";
import { untilAborted } from "./until-aborted.js";

const config = {
  symbol: "SYN",
  timeframe: "1d",
  start: "2020-01-01",
  end: "2020-06-30",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: { fast: 5, slow: 20 } },
};

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const open: Studio[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe("untilAborted", () => {
  it("passes the work's outcome through while the signal is not aborted", async () => {
    const c = new AbortController();
    await expect(untilAborted(Promise.resolve(7), c.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error("boom")), c.signal)).rejects.toThrow("boom");
  });

  it("rejects with CANCELLED on abort and cleans up once the abandoned work settles", async () => {
    const c = new AbortController();
    const work = deferred<number>();
    const cleaned = deferred();
    const raced = untilAborted(work.promise, c.signal, () => cleaned.resolve());
    c.abort();
    await expect(raced).rejects.toMatchObject({ code: "CANCELLED" });
    work.resolve(1);
    await cleaned.promise;
  });
});

describe("Studio.cancel on a stage that never checks for cancellation", () => {
  it("ends the run as cancelled at once, starts the next run, and removes what the stage writes later", async () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-")));
    const entered = deferred();
    const release = deferred();
    const wrote = deferred();
    let calls = 0;
    const stuck: Pipeline = async (ctx) => {
      if (calls++ > 0) return fakePipeline()(ctx);
      ctx.stage("data_loading");
      entered.resolve();
      // Like a read stuck in the kernel: ignores the signal until released.
      await release.promise;
      const staging = stagingDir(ctx.home, ctx.run.runId);
      mkdirSync(staging, { recursive: true });
      writeFileSync(path.join(staging, "late.json"), "{}");
      wrote.resolve();
      throw new Error("the stage ended after the run was cancelled");
    };
    const s = Studio.open({ home, parseConfig: parseRunConfigShape, pipeline: stuck });
    open.push(s);
    const a = s.submit(config).run;
    const b = s.submit({ ...config, seed: 7 }).run;
    await entered.promise;

    const cancelled = await s.cancel(a.run_id);
    expect(cancelled, "cancel answers without waiting for the stage").toMatchObject({
      status: "cancelled",
      error_code: "CANCELLED",
    });
    expect((await s.waitFor(b.run_id)).status, "the queue moves on to the next run").toBe("completed");

    release.resolve();
    await wrote.promise;
    await new Promise<void>((resolve) => {
      const poll = () => (existsSync(stagingDir(home, a.run_id)) ? setTimeout(poll, 10) : resolve());
      poll();
    });
    expect(s.get(a.run_id).status, "the late outcome does not change the row").toBe("cancelled");
  });
});
