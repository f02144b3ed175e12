import { describe, expect, it } from "vitest";
import { EventHub } from "./event-hub.js";
import type { RunEvent } from "./events.js";

describe("EventHub", () => {
  it("numbers events per run with an increasing seq", () => {
    const hub = new EventHub(() => 5);
    const a = hub.channel("a");
    const b = hub.channel("b");
    a.emit("log", { level: "info", message: "x" });
    a.emit("log", { level: "info", message: "y" });
    b.emit("log", { level: "info", message: "z" });
    expect(a.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(
      b.events.map((e) => e.seq),
      "each run counts on its own",
    ).toEqual([1]);
  });

  it("continues numbering after the last persisted seq", () => {
    const ch = new EventHub().channel("r", 41);
    expect(ch.emit("log", { level: "info", message: "m" })?.seq).toBe(42);
  });

  it("replays exactly the events after the given seq, then delivers live ones", () => {
    const ch = new EventHub().channel("r");
    for (let i = 0; i < 5; i++) ch.emit("log", { level: "info", message: String(i) });
    const seen: number[] = [];
    ch.subscribe(3, (e) => seen.push(e.seq));
    ch.emit("end", { status: "completed" });
    expect(seen, "missed events 4 and 5, then live 6").toEqual([4, 5, 6]);
  });

  it("drops progress events that moved less than 1% within a stage, but keeps the final one", () => {
    const ch = new EventHub().channel("r");
    for (const ratio of [0, 0.001, 0.005, 0.011, 0.5, 0.505, 1])
      ch.emit("progress", { stage: "validation", ratio });
    const ratios = ch.events.map((e: RunEvent) => (e.data as { ratio: number }).ratio);
    expect(ratios).toEqual([0, 0.011, 0.5, 1]);
  });

  it("accepts nothing after end and releases its listeners", () => {
    const ch = new EventHub().channel("r");
    const seen: string[] = [];
    ch.subscribe(0, (e) => seen.push(e.type));
    ch.emit("end", { status: "failed", error: { code: "INTERNAL", message: "boom" } });
    expect(ch.emit("log", { level: "info", message: "late" })).toBeUndefined();
    expect(seen).toEqual(["end"]);
  });

  it("hands every kept event to the persistence hook", () => {
    const persisted: number[] = [];
    const ch = new EventHub(Date.now, (e) => persisted.push(e.seq)).channel("r");
    ch.emit("stage", { stage: "data_loading", index: 0, total: 6 });
    ch.emit("progress", { stage: "data_loading", ratio: 0.5 });
    expect(persisted).toEqual([1, 2]);
  });
});
