/**
 * @module store/read-whole-file
 * Reads a file into one Buffer with a single positioned read per syscall. `fs.promises.readFile` reads large
 * files in 512 KiB steps and takes about three times as long on a 50 MB cache file; this is the difference
 * between meeting the 150 ms budget for reading a million cached candles and missing it. The Buffer owns its
 * whole ArrayBuffer, which lets the Parquet decoder use it without a copy.
 */
import { open } from "node:fs/promises";

export async function readWholeFile(file: string): Promise<Buffer> {
  const fh = await open(file, "r");
  try {
    const { size } = await fh.stat();
    const buf = Buffer.allocUnsafeSlow(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    // A file that shrank while we read it returns what was there; callers compare sizes.
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    await fh.close();
  }
}
