/**
 * @module store/file-lock
 * A cross-process exclusive lock held as a file created with O_EXCL and holding the owner's pid. The CLI and a
 * server may share one studio home, so writes that must not interleave (the artifact manifest) take it. A lock
 * whose owner process is gone is stale and taken over, so a crash never wedges the home.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { StudioError } from "../core/errors.js";
import { processAlive } from "./process-alive.js";

function ownerAlive(lockPath: string): boolean {
  try {
    return processAlive(Number.parseInt(readFileSync(lockPath, "utf8"), 10));
  } catch {
    return false;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` while holding `lockPath`; waits up to `timeoutMs` for another holder, then fails. */
export function withFileLock<T>(lockPath: string, fn: () => T, timeoutMs = 10_000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockPath, "wx");
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      if (!ownerAlive(lockPath)) {
        rmSync(lockPath, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new StudioError("INTERNAL", `timed out waiting for lock ${lockPath}`);
      sleep(20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}
