import { describe, expect, it } from "vitest";
import type { RunEvent } from "../runs/events/events.js";
import { progressReporter } from "./progress-reporter.js";

function sink(): NodeJS.WriteStream & { text: string } {
  const s = {
    isTTY: false,
    text: "",
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

const ev = (seq: number, ts: number, type: RunEvent["type"], data: unknown): RunEvent =>
  ({ run_id: "r", seq, ts, type, data }) as RunEvent;

describe("progressReporter without a terminal", () => {
  it("writes one line per tenth with each validation method's count and the stage's elapsed time", () => {
    const out = sink();
    const r = progressReporter(out);
    r.onEvent(ev(1, 1000, "stage", { stage: "validation", index: 4, total: 6 }));
    r.onEvent(
      ev(2, 3500, "progress", {
        stage: "validation",
        ratio: 0.42,
        methods: { permutation: { done: 42, total: 100 }, wfo: { done: 3, total: 8 } },
      }),
    );
    r.onEvent(ev(3, 3600, "progress", { stage: "validation", ratio: 0.45 }));
    r.stop();
    expect(out.text).toBe("stage validation\n  validation 40% (permutation 42/100, walk-forward 3/8) 2.5s\n");
  });
});
