/**
 * @module store/process-alive
 * Whether a process id belongs to a running process. Locks and running runs record their owner's pid so that a
 * crashed owner can be told from a live one sharing the same studio home.
 */
export function processAlive(pid: number | null): boolean {
  if (pid === null || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
