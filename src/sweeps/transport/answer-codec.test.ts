import { describe, expect, it } from "vitest";
import type { TrialAnswer } from "../sweep-task.js";
import { decodeAnswers, encodeAnswers } from "./answer-codec.js";

const bits = (x: number) => Buffer.from(new Float64Array([x]).buffer).toString("hex");

describe("answer codec", () => {
  it("round-trips every double bit for bit: non-finite, -0, subnormal, and typed arrays", () => {
    const special = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, -0, 5e-324, 0.1 + 0.2];
    const answer: TrialAnswer = {
      ok: {
        objective: Number.POSITIVE_INFINITY,
        sharpe: Number.NaN,
        metrics: { total_return: -0, sharpe: null } as never,
        blocks: { shift: 0.1 + 0.2, sum: Float64Array.from(special), sumSq: new Float64Array(0) },
      },
    };
    const [back] = decodeAnswers(encodeAnswers([{ index: 3, answer }]));
    const ok = (back!.answer as { ok: typeof answer.ok }).ok;
    expect(back!.index).toBe(3);
    expect(ok.objective).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(ok.sharpe)).toBe(true);
    expect(
      Object.is((ok.metrics as unknown as { total_return: number }).total_return, -0),
      "-0 stays -0",
    ).toBe(true);
    expect(ok.blocks.sum).toBeInstanceOf(Float64Array);
    expect([...ok.blocks.sum].map(bits)).toEqual(special.map(bits));
    expect(ok.blocks.sumSq.length).toBe(0);
  });

  it("sorts by trial index and keeps errors as data", () => {
    const err: TrialAnswer = { error: { code: "PLUGIN_FAILED", message: "NaN" } };
    const text = encodeAnswers([
      { index: 9, answer: err },
      { index: 2, answer: err },
    ]);
    const back = decodeAnswers(text);
    expect(back.map((a) => a.index)).toEqual([2, 9]);
    expect(back[0]!.answer, "a message that reads NaN stays a string").toEqual(err);
  });
});
