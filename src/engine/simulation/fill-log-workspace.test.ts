import { describe, expect, it } from "vitest";
import { ColumnWorkspace } from "../../core/column-workspace.js";
import { FillLog } from "./fill-log.js";

/** Appends `rows` fills whose every column holds a value derived from the row and `seed`. */
function fill(log: FillLog, rows: number, seed: number): void {
  for (let r = 0; r < rows; r++) {
    const i = log.append();
    for (const column of Object.values(log.cols)) column[i] = (r * 7 + seed) % 100;
  }
}

describe("FillLog in a column workspace", () => {
  it("keeps every row through growth and starts the next run at the grown size, without stale rows", () => {
    const workspace = new ColumnWorkspace();
    for (const [rows, seed] of [
      [1000, 3],
      [70, 5],
      [5000, 11],
    ] as const) {
      workspace.reset();
      const log = new FillLog(workspace);
      fill(log, rows, seed);
      const fresh = new FillLog();
      fill(fresh, rows, seed);
      const got = { ...log.fills(), ...log.bookState() } as Record<string, unknown>;
      const want = { ...fresh.fills(), ...fresh.bookState() } as Record<string, unknown>;
      for (const [name, column] of Object.entries(want)) {
        if (!ArrayBuffer.isView(column)) continue;
        const a = got[name] as unknown as ArrayLike<number>;
        const b = column as unknown as ArrayLike<number>;
        let bad = a.length === b.length ? -1 : 0;
        for (let i = 0; i < b.length && bad < 0; i++) if (a[i] !== b[i]) bad = i;
        expect(bad, `${name} after ${rows} rows: every row as written (first bad: ${bad})`).toBe(-1);
      }
    }
    const bytes = workspace.bytes;
    workspace.reset();
    fill(new FillLog(workspace), 5000, 1);
    expect(workspace.bytes, "a log as long as the last one reuses its buffer").toBe(bytes);
  });
});
