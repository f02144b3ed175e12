import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../store/store.js";
import { smallConfig, startStudio, studio, tempHome, writeJson } from "../test-support/studio-cli.js";

async function until<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

// 30 x 20 = 600 trials over a year of hourly bars: long enough to be killed part-way on any machine.
const spec = {
  base: smallConfig({
    start: "2023-01-01",
    end: "2023-12-31",
    strategy: { name: "sma_crossover", params: {} },
  }),
  space: {
    "strategy.params.fast": { from: 2, to: 60, step: 2 },
    "strategy.params.slow": { from: 70, to: 260, step: 10 },
  },
  holdout: 0.25,
  top_k: 1,
  pbo_partitions: 8,
};

const files = (home: string, id: string) =>
  ["summary.json", "trials.parquet"].map((f) => readFileSync(path.join(home, "sweeps", id, f)));

describe("studio sweep (real binary)", () => {
  it("resumes a sweep killed with SIGKILL and ends byte-identical to an uninterrupted one", async () => {
    const killedHome = tempHome();
    const file = writeJson(killedHome, "spec.json", spec);
    const child = startStudio(["--home", killedHome, "sweep", file], { env: { STUDIO_THREADS: "0" } });
    const exited = new Promise((r) => child.on("close", r));
    const db = path.join(killedHome, "studio.db");
    const id = await until(() => {
      try {
        const store = openStore(db);
        try {
          const row = store.sweeps.list(1)[0];
          return row && row.trialsDone > 0 ? row.sweepId : undefined;
        } finally {
          store.close();
        }
      } catch {
        return undefined;
      }
    }, 60_000);
    child.kill("SIGKILL");
    await exited;
    const store = openStore(db);
    const killed = store.sweeps.get(id)!;
    store.close();
    expect(killed.status, "the killed sweep is left running, with the trials it committed").toBe("running");
    expect(killed.trialsDone).toBeLessThan(600);

    const resumed = await studio(["--home", killedHome, "--json", "sweeps", "resume", id], {
      env: { STUDIO_THREADS: "2" },
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).summary.counts).toEqual({
      planned: 600,
      run: 600,
      skipped: 0,
      failed: 0,
    });

    const cleanHome = tempHome();
    const clean = await studio(
      ["--home", cleanHome, "--json", "sweep", writeJson(cleanHome, "spec.json", spec)],
      {
        env: { STUDIO_THREADS: "1" },
      },
    );
    expect(clean.code, clean.stderr).toBe(0);
    const cleanId = JSON.parse(clean.stdout).sweep_id as string;
    const [a, b] = [files(killedHome, id), files(cleanHome, cleanId)];
    expect(a[0]!.equals(b[0]!), "summary.json is byte-identical after a kill and resume").toBe(true);
    expect(a[1]!.equals(b[1]!), "trials.parquet is byte-identical after a kill and resume").toBe(true);

    const again = await studio(["--home", cleanHome, "--json", "sweep", path.join(cleanHome, "spec.json")]);
    expect(JSON.parse(again.stdout), "the same spec returns the existing sweep").toMatchObject({
      sweep_id: cleanId,
      reused: true,
    });
    const verify = await studio(["--home", cleanHome, "--json", "sweeps", "verify", cleanId.slice(0, 8)]);
    expect(JSON.parse(verify.stdout), "an 8-character prefix names the sweep").toMatchObject({
      sweep_id: cleanId,
      ok: true,
    });
    const open = await studio(["--home", cleanHome, "sweeps", "open", cleanId], {
      env: { DISPLAY: "", WAYLAND_DISPLAY: "" },
    });
    expect(open.code, open.stderr).toBe(0);
    expect(open.stdout.trim(), "no display: the report's path is printed").toBe(
      `report: ${path.join(cleanHome, "sweeps", cleanId, "report.html")}`,
    );
    const s = openStore(path.join(cleanHome, "studio.db"));
    const linked = s.db.prepare("SELECT count(*) AS n FROM runs WHERE sweep_id = ?").get(cleanId) as {
      n: number;
    };
    s.close();
    expect(linked.n, "top_k = 1 trial became an ordinary run linked to the sweep").toBe(1);
  }, 240_000);

  it("names an unknown path with CONFIG_INVALID and exit code 2, before any work", async () => {
    const home = tempHome();
    const bad = { ...spec, space: { "strategy.params.fats": [5, 10] } };
    const r = await studio(["--home", home, "--json", "sweep", writeJson(home, "bad.json", bad)]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: "CONFIG_INVALID" });
    expect(JSON.parse(r.stdout).error.message).toContain("space.strategy.params.fats");
  }, 60_000);
});
