import { describe, expect, it } from "vitest";
import { openStore } from "./store.js";
import { tempDbFile } from "./test-support/temp-db.js";

describe("openStore", () => {
  it("shares one connection between repositories, so a run written by one is seen by another", () => {
    const file = tempDbFile();
    const store = openStore(file);
    store.runs.insert({ runId: "r1", hash: "h", runHash: "rh", createdAt: 1, configJson: "{}", seed: 0 });
    store.runProgress.record({ runId: "r1", lastSeq: 1, lastStage: null, progressRatio: 0, updatedAt: 1 });
    store.close();
    const again = openStore(file);
    expect(again.runs.get("r1")?.runId, "data survives close and reopen").toBe("r1");
    expect(again.runProgress.get("r1")?.lastSeq).toBe(1);
    again.close();
  });
});
