import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { studio as cli, smallConfig, writeJson } from "../cli/test-support/studio-cli.js";
import { resolveHome } from "../store/home.js";
import { openStore } from "../store/store.js";
import { openStudio } from "./open-studio.js";
import type { Studio } from "./studio.js";
import { walkFiles } from "./test-support/walk-files.js";

// Mounting a file system needs root (CI runs the suite as root); elsewhere the injected-writer tests in
// studio-storage-full.test.ts cover the same paths.
const isRoot = process.getuid?.() === 0;

async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!isRoot)(
  "a real full disk: a 260 KB tmpfs (needs root to mount; skipped when not root)",
  () => {
    const base = mkdtempSync(path.join(tmpdir(), "studio-tmpfs-"));
    const mounts = ["service", "cli"].map((name) => path.join(base, name));
    const open: Studio[] = [];

    beforeAll(() => {
      for (const dir of mounts) {
        mkdirSync(dir);
        // 260 KB: the fresh database (schema version 4, with the sweeps tables) fits; a run's artifacts do not.
        execFileSync("mount", ["-t", "tmpfs", "-o", "size=260k", "tmpfs", dir]);
      }
    });

    afterAll(() => {
      for (const s of open) s.close();
      for (const dir of mounts) {
        try {
          execFileSync("umount", [dir]);
        } catch {
          execFileSync("umount", ["-l", dir]);
        }
      }
      rmSync(base, { recursive: true, force: true });
    });

    it("fails the run with STORAGE_FULL, leaves no files, and keeps working once space is freed", async () => {
      const home = resolveHome(mounts[0]!);
      const s = openStudio(home);
      open.push(s);
      const config = smallConfig({ end: "2024-02-29" });
      const { run } = s.submit(config);
      const done = await s.waitFor(run.run_id);
      expect(done.status).toBe("failed");
      expect(done.error_code, done.error_message ?? "").toBe("STORAGE_FULL");
      expect(walkFiles(home.runs), "no run or staging folder").toEqual([]);
      expect(
        walkFiles(home.root).filter((f) => f.includes(".tmp-")),
        "no temporary file",
      ).toEqual([]);

      // Freeing space: the same file system, grown.
      execFileSync("mount", ["-o", "remount,size=16m", mounts[0]!]);
      const store = openStore(home.db);
      try {
        const row = await until(() => {
          const r = store.runs.get(run.run_id);
          return r?.status === "failed" ? r : undefined;
        }, "the failure record to reach the database");
        expect(row.errorCode).toBe("STORAGE_FULL");
      } finally {
        store.close();
      }
      const again = s.submit(config);
      expect(again.reused).toBe(false);
      expect((await s.waitFor(again.run.run_id)).status, "the studio works again").toBe("completed");
    });

    it("prints the STORAGE_FULL error document under --json and exits 1", async () => {
      const home = mounts[1]!;
      const file = writeJson(base, "cli.json", smallConfig({ end: "2024-02-29" }));
      const r = await cli(["--home", home, "--json", "run", file]);
      expect(r.code, `stderr: ${r.stderr}`).toBe(1);
      const out = JSON.parse(r.stdout);
      // The disk may fill during the run (a failed run) or while the studio opens (a failed command).
      expect(out.error?.code, r.stdout).toBe("STORAGE_FULL");
      if (out.run_id !== undefined) expect(out.status).toBe("failed");
    });
  },
);
