import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openStudio } from "../runs/open-studio.js";
import { resolveHome } from "../store/home.js";
import { SweepService } from "./sweep-service.js";

const spec = {
  base: {
    symbol: "SYN",
    timeframe: "1h",
    start: "2023-01-01",
    end: "2023-12-31",
    provider: "synthetic",
    strategy: { name: "sma_crossover", params: {} },
  },
  space: {
    "strategy.params.fast": { from: 2, to: 60, step: 1 },
    "strategy.params.slow": { from: 70, to: 300, step: 10 },
  },
  pbo_partitions: 8,
};

describe("SweepService", () => {
  it("cancels a sweep on worker threads part-way, keeps what finished, and resumes it to the same result as a clean run", async () => {
    const home = resolveHome(mkdtempSync(path.join(tmpdir(), "studio-sweep-")));
    const studio = openStudio(home);
    try {
      const service = new SweepService(studio, home, { threads: 2 });
      const { sweep } = service.submit(spec);
      const planned = sweep.trialsPlanned;
      const running = service.run(sweep.sweepId);
      await new Promise<void>((resolve) => {
        const stop = service.onProgress(sweep.sweepId, (p) => {
          if (p.done > 0) {
            stop();
            resolve();
          }
        });
      });
      await service.cancel(sweep.sweepId);
      const cancelled = await running;
      expect(cancelled.status).toBe("cancelled");
      expect(cancelled.errorCode).toBe("CANCELLED");
      expect(cancelled.trialsDone, "cancelled before the end, with some trials kept").toBeLessThan(planned);
      expect(cancelled.trialsDone).toBeGreaterThan(0);

      // The cancelled sweep resumes from its committed trials.
      const resumed = await service.run(sweep.sweepId);
      expect(resumed.status).toBe("completed");
      expect(resumed.trialsDone).toBe(planned);
      const clean = service.submit(spec, { force: true }).sweep;
      await new SweepService(studio, home, { threads: 0 }).run(clean.sweepId);
      const read = (id: string) => readFileSync(path.join(service.dir(id), "summary.json"), "utf8");
      expect(read(sweep.sweepId), "cancel + resume ends with the clean run's summary").toBe(
        read(clean.sweepId),
      );
      expect((await service.verify(sweep.sweepId)).ok).toBe(true);
      service.delete(clean.sweepId);
      expect(() => service.get(clean.sweepId)).toThrow(/no sweep/);
    } finally {
      studio.close();
    }
  }, 180_000);
});
