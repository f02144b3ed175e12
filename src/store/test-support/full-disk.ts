/**
 * @module store/test-support/full-disk
 * A file system that fills up: file operations for `writeFileAtomicAsync` that write for real until a byte
 * budget is spent, then fail the way a full disk does (ENOSPC on write). The temporary file really exists when
 * the write fails, so tests can check it is removed.
 */
import { open, rename, rm } from "node:fs/promises";
import type { AtomicWriteIo } from "../atomic-write.js";

export function enospc(syscall = "write"): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`ENOSPC: no space left on device, ${syscall}`);
  err.code = "ENOSPC";
  err.errno = -28;
  err.syscall = syscall;
  return err;
}

/** Operations that accept `budgetBytes` bytes in total (over every file), then throw ENOSPC. */
export function fullDiskIo(budgetBytes: number): AtomicWriteIo & { readonly failures: number } {
  let left = budgetBytes;
  let failures = 0;
  const io = {
    rename,
    rm,
    get failures() {
      return failures;
    },
    open: (async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const write = handle.write.bind(handle) as (
        b: Uint8Array,
        o: number,
        l: number,
      ) => ReturnType<typeof handle.write>;
      return Object.assign(Object.create(handle), {
        write: async (buffer: Uint8Array, offset: number, length: number) => {
          if (length > left) {
            failures++;
            throw enospc();
          }
          left -= length;
          return write(buffer, offset, length);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      });
    }) as typeof open,
  };
  return io;
}
