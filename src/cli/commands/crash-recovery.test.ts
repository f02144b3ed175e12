import { existsSync, readdirSync } from "node:fs";
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
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("crash recovery (real binary)", () => {
  it("marks a run killed mid-way as failed INTERRUPTED at the next start and removes its partial files", async () => {
    const home = tempHome();
    // Enough permutations that the run is still validating when it is killed.
    const file = writeJson(
      home,
      "slow.json",
      smallConfig({ end: "2024-06-30", validation: { permutation: { n: 10_000 } } }),
    );
    const child = startStudio(["--home", home, "run", file]);
    const exited = new Promise((r) => child.on("close", r));
    const runId = await until(() => {
      if (!existsSync(path.join(home, "studio.db"))) return undefined;
      const store = openStore(path.join(home, "studio.db"));
      try {
        const row = store.runs.list({ status: "running" })[0];
        return row?.stage === "validation" ? row.runId : undefined;
      } finally {
        store.close();
      }
    }, 60_000);
    child.kill("SIGKILL");
    await exited;

    const shown = await studio(["--home", home, "--json", "runs", "show", runId]);
    const view = JSON.parse(shown.stdout);
    expect(view.status).toBe("failed");
    expect(view.error_code).toBe("INTERRUPTED");
    expect(view.error_message).toContain("stopped during stage validation");
    const leftovers = readdirSync(path.join(home, "runs"));
    expect(leftovers, "no run folder, staging or trash left behind").toEqual([]);
  }, 90_000);
});
