import { describe, expect, it } from "vitest";
import { TrialThreads } from "./trial-pool.js";

describe("TrialThreads", () => {
  it("absorbs a late worker error between jobs instead of throwing it out of the process", async () => {
    const threads = new TrialThreads(1);
    try {
      // What piscina emits when a worker answers a task that an aborted job already dropped.
      expect(
        () => threads.pool.emit("error", new Error("Unexpected message from Worker")),
        "an emitter without an error listener would throw here",
      ).not.toThrow();
    } finally {
      await threads.destroy();
    }
  }, 60_000);
});
