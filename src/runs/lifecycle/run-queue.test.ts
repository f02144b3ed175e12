import { describe, expect, it } from "vitest";
import { RunQueue } from "./run-queue.js";

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("RunQueue", () => {
  it("runs one at a time in submission order by default", async () => {
    const order: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const queue = new RunQueue(async (id) => {
      order.push(`start ${id}`);
      const gate = deferred();
      gates.set(id, gate);
      await gate.promise;
      order.push(`end ${id}`);
    });
    queue.enqueue("a");
    queue.enqueue("b");
    expect(queue.runningIds).toEqual(["a"]);
    expect(queue.isQueued("b")).toBe(true);
    gates.get("a")!.resolve();
    await new Promise((r) => setTimeout(r, 0));
    gates.get("b")!.resolve();
    await queue.idle();
    expect(order).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("respects a higher concurrency", () => {
    const queue = new RunQueue(() => new Promise(() => {}), 2);
    for (const id of ["a", "b", "c"]) queue.enqueue(id);
    expect(queue.runningIds).toEqual(["a", "b"]);
  });

  it("removes a queued run on cancel and aborts a running one", async () => {
    let aborted = false;
    const queue = new RunQueue(
      (_id, signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener("abort", () => {
            aborted = true;
            resolve();
          });
        }),
    );
    queue.enqueue("a");
    queue.enqueue("b");
    expect(queue.cancel("b")).toBe("dequeued");
    expect(queue.cancel("a")).toBe("aborted");
    expect(queue.cancel("zzz")).toBe("unknown");
    await queue.idle();
    expect(aborted, "the running run saw its signal abort").toBe(true);
  });

  it("keeps going after an executor rejects", async () => {
    const done: string[] = [];
    const queue = new RunQueue(async (id) => {
      if (id === "bad") throw new Error("boom");
      done.push(id);
    });
    queue.enqueue("bad");
    queue.enqueue("good");
    await queue.idle();
    expect(done).toEqual(["good"]);
  });

  it("accepts nothing after stop", async () => {
    const queue = new RunQueue(async () => {});
    queue.stop();
    queue.enqueue("a");
    expect(queue.isQueued("a") || queue.isRunning("a")).toBe(false);
    await queue.idle();
  });
});
