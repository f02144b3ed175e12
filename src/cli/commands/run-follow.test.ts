import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { configHash, runHash } from "../../core/hashes.js";
import { parseRunConfig } from "../../runs/parse-config.js";
import { openStore, type Store } from "../../store/store.js";
import { smallConfig, startStudio, tempHome, writeJson } from "../test-support/studio-cli.js";

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A run row as a studio in this (live) process would hold it while executing the config. */
function runningHere(home: string, config: Record<string, unknown>): { store: Store; runId: string } {
  const store = openStore(path.join(home, "studio.db"));
  stores.push(store);
  const parsed = parseRunConfig(config);
  const hash = configHash(parsed);
  const runId = randomUUID();
  const now = Date.now();
  store.runs.insert({
    runId,
    hash,
    runHash: runHash(hash),
    createdAt: now,
    configJson: JSON.stringify(parsed),
    seed: parsed.seed,
  });
  store.runs.update(runId, {
    status: "running",
    stage: "simulation",
    startedAt: now,
    updatedAt: now,
    ownerPid: process.pid,
  });
  return { store, runId };
}

/** Starts `studio run` on the config, waits until it says it follows the run, deletes the run, collects the exit. */
async function followThenDelete(json: boolean) {
  const home = tempHome();
  const config = smallConfig();
  const { store, runId } = runningHere(home, config);
  const file = writeJson(home, "cfg.json", config);
  const child = startStudio(["--home", home, ...(json ? ["--json"] : []), "run", file]);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += d));
  const following = new Promise<void>((resolve) => {
    child.stderr?.on("data", (d) => {
      stderr += d;
      if (stderr.includes(`following run ${runId}`)) resolve();
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await Promise.race([following, exited]);
  expect(store.runs.delete(runId), `the CLI reused the running run; stderr: ${stderr}`).toBe(true);
  const code = await exited;
  return { code, stdout, stderr, runId };
}

describe("studio run following another process's run (real binary)", () => {
  it("prints the NOT_FOUND error document under --json and exits 1 when the run is deleted", async () => {
    const r = await followThenDelete(true);
    expect(r.stderr, "no uncaught exception").not.toMatch(/StudioError|at .*\.js:\d+/);
    expect(r.code, `stderr: ${r.stderr}`).toBe(1);
    expect(JSON.parse(r.stdout), "exactly one JSON object on stdout").toEqual({
      error: { code: "NOT_FOUND", message: `run ${r.runId} was deleted before it finished` },
    });
  });

  it("prints the coded error for people and exits 1 when the run is deleted", async () => {
    const r = await followThenDelete(false);
    expect(r.code, `stderr: ${r.stderr}`).toBe(1);
    expect(r.stderr).toContain(`error NOT_FOUND: run ${r.runId} was deleted before it finished`);
    expect(r.stderr, "no stack trace").not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe("");
  });
});
