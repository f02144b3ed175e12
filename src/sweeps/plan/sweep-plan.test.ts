import { describe, expect, it } from "vitest";
import { StudioError } from "../../core/errors.js";
import { builtinCatalog } from "../../runs/builtin-catalog.js";
import { catalogCheck } from "./catalog-check.js";
import { planSweep } from "./sweep-plan.js";
import { parseSweepSpec } from "./sweep-spec.js";

const base = {
  symbol: "SYN",
  timeframe: "1h",
  start: "2022-01-01",
  end: "2022-03-01",
  provider: "synthetic",
  strategy: { name: "sma_crossover", params: {} },
  risk: { name: "fixed_fraction", params: {} },
};

const check = catalogCheck(builtinCatalog());

const plan = (spec: Record<string, unknown>) =>
  planSweep(parseSweepSpec({ base, ...spec }), { base: (spec.base as unknown) ?? base, check });

function configError(fn: () => unknown): StudioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StudioError && err.code === "CONFIG_INVALID") return err;
    throw err;
  }
  throw new Error("expected CONFIG_INVALID");
}

describe("planSweep", () => {
  it("lists the grid in product order and skips combinations the strategy rejects as a whole", () => {
    const p = plan({
      space: { "strategy.params.fast": [5, 60], "strategy.params.slow": { from: 50, to: 70, step: 10 } },
    });
    expect(p.planned, "2 x 3 combinations").toBe(6);
    // fast 60 with slow 50 and slow 60 fails fast < slow; trial indices stay positions in the full list.
    expect(p.skipped).toBe(2);
    expect(
      p.trials.map((t) => [t.index, t.values["strategy.params.fast"], t.values["strategy.params.slow"]]),
    ).toEqual([
      [0, 5, 50],
      [1, 5, 60],
      [2, 5, 70],
      [5, 60, 70],
    ]);
    expect(p.trials[3]!.config.strategy.params).toEqual({ fast: 60, slow: 70 });
  });

  it("expands float ranges without rounding noise", () => {
    const p = plan({ space: { "execution.slippage_bps": { from: 0.1, to: 0.3, step: 0.1 } } });
    expect(p.trials.map((t) => t.config.execution.slippage_bps)).toEqual([0.1, 0.2, 0.3]);
  });

  it("names a path the config does not have", () => {
    expect(configError(() => plan({ space: { "strategy.params.fats": [5] } })).message).toMatch(
      /space\.strategy\.params\.fats: strategy\.params has no field "fats"/,
    );
    expect(configError(() => plan({ space: { "execution.slipage_bps": [1] } })).message).toMatch(
      /space\.execution\.slipage_bps/,
    );
  });

  it("names a value its schema rejects in every combination", () => {
    const err = configError(() => plan({ space: { "strategy.params.fast": [5, -3] } }));
    expect(err.message).toMatch(/space\.strategy\.params\.fast: the value -3 is rejected/);
    expect(configError(() => plan({ space: { "execution.slippage_bps": [1, -1] } })).message).toMatch(
      /space\.execution\.slippage_bps: the value -1/,
    );
  });

  it("refuses an empty space, a duplicate value and a grid over the trial limit", () => {
    expect(configError(() => plan({ space: {} })).message).toMatch(/space.*at least one path/);
    expect(configError(() => plan({ space: { "strategy.params.fast": [] } })).message).toMatch(/space/);
    expect(configError(() => plan({ space: { "strategy.params.fast": [5, 5] } })).message).toMatch(/twice/);
    const big = { from: 1, to: 1000, step: 1 };
    expect(
      configError(() => plan({ space: { "strategy.params.fast": big, "strategy.params.slow": big } }))
        .message,
    ).toMatch(/1000000 combinations; the limit is 100000/);
  });

  it("draws random trials as a pure function of the seed", () => {
    const space = {
      "strategy.params.fast": { from: 2, to: 40, step: 1 },
      "strategy.params.slow": { from: 50, to: 300, step: 5 },
    };
    const a = plan({ space, method: { name: "random", trials: 20 }, seed: 7 });
    const b = plan({ space, method: { name: "random", trials: 20 }, seed: 7 });
    const c = plan({ space, method: { name: "random", trials: 20 }, seed: 8 });
    expect(a.trials.map((t) => t.values)).toEqual(b.trials.map((t) => t.values));
    expect(a.sweepHash).toBe(b.sweepHash);
    expect(
      a.trials.map((t) => t.values),
      "another seed draws other trials",
    ).not.toEqual(c.trials.map((t) => t.values));
    const keys = new Set(a.trials.map((t) => JSON.stringify(t.values)));
    expect(keys.size, "random trials are distinct").toBe(20);
  });

  it("hashes the normalized spec: key order and range vs list spelling do not matter, the seed does", () => {
    const a = plan({ space: { "strategy.params.fast": { from: 5, to: 15, step: 5 } }, objective: "sharpe" });
    const b = plan({ objective: "sharpe", space: { "strategy.params.fast": [5, 10, 15] } });
    const c = plan({ space: { "strategy.params.fast": [5, 10, 15] }, holdout: 0.2 });
    expect(a.sweepHash).toBe(b.sweepHash);
    expect(c.sweepHash).not.toBe(a.sweepHash);
  });

  it("removes a field for a null candidate", () => {
    const p = plan({ space: { "risk.params.fraction": [0.5, null] } });
    expect(p.trials.map((t) => t.config.risk.params)).toEqual([{ fraction: 0.5 }, {}]);
  });

  it("varies exits, with null for no stop loss", () => {
    const p = plan({ space: { "exits.stop_loss": [0.02, 0.05, null] } });
    expect(p.trials.map((t) => t.config.exits?.stop_loss)).toEqual([0.02, 0.05, undefined]);
    expect(configError(() => plan({ space: { "exits.stop_los": [0.02] } })).message).toMatch(
      /space\.exits\.stop_los/,
    );
  });
});
