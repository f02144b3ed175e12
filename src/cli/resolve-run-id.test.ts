import { describe, expect, it } from "vitest";
import { studioErrorOf } from "../core/test-support/studio-error-of.js";
import type { RunView } from "../runs/run-view.js";
import { resolveRunId, strategyLabel } from "./resolve-run-id.js";

const run = (run_id: string): RunView =>
  ({
    run_id,
    status: "completed",
    config: { strategy: { name: "sma_crossover", params: { fast: 5 } } },
  }) as RunView;

const lister = (ids: string[]) => ({ list: () => ids.map(run) });
const A = "0a1b2c3d-0000-4000-8000-000000000001";
const B = "0a1b9999-0000-4000-8000-000000000002";

describe("resolveRunId", () => {
  it("returns the one run a prefix matches, case-insensitively", () => {
    expect(resolveRunId(lister([A, B]), "0A1B2")).toBe(A);
  });

  it("passes a full run id through without listing", () => {
    expect(resolveRunId({ list: () => [] }, B)).toBe(B);
  });

  it("refuses an ambiguous prefix with CONFIG_INVALID naming every match", () => {
    const e = studioErrorOf(() => resolveRunId(lister([A, B]), "0a1b"));
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.message).toContain(A);
    expect(e.message).toContain(B);
    expect((e.details!.matches as { run_id: string }[]).map((m) => m.run_id)).toEqual([A, B]);
  });

  it("says NOT_FOUND for a prefix nothing matches and for text that is no id", () => {
    expect(studioErrorOf(() => resolveRunId(lister([A]), "ff")).code).toBe("NOT_FOUND");
    expect(studioErrorOf(() => resolveRunId(lister([A]), "../etc")).code).toBe("NOT_FOUND");
  });

  it("labels a strategy with its params", () => {
    expect(strategyLabel({ strategy: { name: "x", params: { a: 1, b: true } } })).toBe("x(a=1, b=true)");
  });
});
