import { describe, expect, it } from "vitest";
import { runnableTrials, sweepLabel, trialCounts } from "./sweep-label.js";

const head = {
  strategy: "sma_crossover",
  symbol: "SYN",
  timeframe: "1h",
  dimensions: ["strategy.params.fast", "strategy.params.slow", "exits.stop_loss"],
  trials: { planned: 24, done: 12, skipped: 4, failed: 1 },
};

describe("sweep labels", () => {
  it("names a sweep by its strategy and the last part of each varied path", () => {
    expect(sweepLabel(head)).toBe("sma_crossover: fast x slow x stop_loss");
  });

  it("counts finished trials (done and failed) against the trials that can run", () => {
    expect(runnableTrials(head), "24 planned less 4 the strategy rejected").toBe(20);
    expect(trialCounts(head)).toBe("13 / 20 trials, 4 skipped, 1 failed");
    expect(trialCounts({ ...head, trials: { planned: 4, done: 0, skipped: 0, failed: 0 } }, 3)).toBe(
      "3 / 4 trials",
    );
  });
});
