import { describe, expect, it } from "vitest";
import { studioErrorOf } from "../core/test-support/studio-error-of.js";
import type { SweepRow } from "../store/repos/sweeps-repo.js";
import { resolveSweepId } from "./resolve-sweep-id.js";

const A = "5e1f0000-0000-4000-8000-000000000001";
const B = "5e1f9999-0000-4000-8000-000000000002";
const row = (sweepId: string): SweepRow =>
  ({
    sweepId,
    status: "completed",
    specJson: JSON.stringify({ base: { strategy: { name: "sma_crossover" } }, space: {} }),
  }) as SweepRow;
const lister = (ids: string[]) => ({ list: () => ids.map(row) });

describe("resolveSweepId", () => {
  it("returns the one sweep a prefix matches", () => {
    expect(resolveSweepId(lister([A, B]), "5E1F9")).toBe(B);
  });

  it("refuses an ambiguous prefix with CONFIG_INVALID listing each sweep with its strategy", () => {
    const e = studioErrorOf(() => resolveSweepId(lister([A, B]), "5e1f"));
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.message, "the message names both sweeps and what they swept").toMatch(
      new RegExp(`${A}.*sma_crossover[\\s\\S]*${B}`),
    );
    expect((e.details!.matches as { sweep_id: string }[]).map((m) => m.sweep_id)).toEqual([A, B]);
  });

  it("says NOT_FOUND for a prefix nothing matches and for text that is no id", () => {
    expect(studioErrorOf(() => resolveSweepId(lister([A]), "ab")).code).toBe("NOT_FOUND");
    expect(studioErrorOf(() => resolveSweepId(lister([A]), "../x")).code).toBe("NOT_FOUND");
  });
});
