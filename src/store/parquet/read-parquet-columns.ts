/**
 * @module store/parquet/read-parquet-columns
 * Reads some columns of a Parquet file from disk without reading the rest: the footer, then only those columns'
 * bytes. A million cached candles are ~40 MB, of which the timestamps (DELTA_BINARY_PACKED) are a few kilobytes,
 * so a caller that only needs the bars' times (how many bars lie before a date) reads a thousandth of the file.
 * The footer and the column are decoded by the same code as `decodeParquet`; a file the studio did not write
 * (another layout, compression) is read whole and decoded by it, so the answer never depends on the route.
 */
import type { FileHandle } from "node:fs/promises";
import { type FileMetaData, parquetMetadata } from "hyparquet";
import { StudioError } from "../../core/errors.js";
import { openRegularFile, type ReadWholeFileOptions } from "../read-whole-file.js";
import { decodeParquet, isStudioLayout, type ParquetValues } from "./parquet.js";
import { decodeStudioColumn } from "./parquet-decode.js";

export interface ParquetFileColumns {
  /** The file's size in bytes, as opened. */
  readonly size: number;
  readonly rowCount: number;
  /** By name, as `decodeParquet` returns them. */
  readonly columns: Record<string, ParquetValues>;
}

const unreadable = (what: string, err: unknown) =>
  new StudioError("DATA_INVALID", `parquet: unreadable ${what} (${(err as Error).message})`, undefined, {
    cause: err,
  });

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.allocUnsafeSlow(length);
  let off = 0;
  while (off < length) {
    const { bytesRead } = await fh.read(buf, off, length - off, position + off);
    if (bytesRead === 0) throw new RangeError(`file ends ${length - off} bytes early`);
    off += bytesRead;
  }
  return buf;
}

/** DATA_INVALID when the file is not Parquet or lacks one of `names`; file-system errors as they are. */
export async function readParquetColumns(
  file: string,
  names: readonly string[],
  options: ReadWholeFileOptions = {},
): Promise<ParquetFileColumns> {
  const { handle, size } = await openRegularFile(file, options);
  try {
    let meta: FileMetaData;
    try {
      if (size < 12) throw new RangeError("parquet file is too short");
      const tail = await readAt(handle, size - 8, 8);
      const footer = new DataView(tail.buffer, tail.byteOffset).getUint32(0, true);
      if (footer + 12 > size) throw new RangeError(`parquet metadata length ${footer} exceeds the file`);
      meta = parquetMetadata(await readAt(handle, size - 8 - footer, footer + 8));
    } catch (err) {
      throw unreadable("footer", err);
    }
    const leaves = meta.schema.slice(1);
    for (const name of names) {
      if (!leaves.some((s) => s.name === name))
        throw new StudioError("DATA_INVALID", `parquet: no column ${JSON.stringify(name)}`);
    }
    const rowCount = Number(meta.num_rows);
    if (!isStudioLayout(meta)) {
      const whole = await readAt(handle, 0, size);
      return { size, rowCount, columns: (await decodeParquet(whole, names)).columns };
    }
    const columns: Record<string, ParquetValues> = {};
    for (const name of names) {
      const i = leaves.findIndex((s) => s.name === name);
      const chunk = meta.row_groups[0]!.columns[i]!.meta_data!;
      const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
      try {
        const length = Number(chunk.total_compressed_size);
        if (start < 0 || start + length > size) throw new RangeError("column chunk outside the file");
        const bytes = await readAt(handle, start, length);
        // The chunk's offsets are the file's; in the bytes read they start at 0.
        const local = {
          ...chunk,
          data_page_offset: BigInt(Number(chunk.data_page_offset) - start),
          ...(chunk.dictionary_page_offset === undefined ? {} : { dictionary_page_offset: 0n }),
        };
        columns[name] = decodeStudioColumn(bytes, local, leaves[i]!, rowCount);
      } catch (err) {
        throw unreadable("data", err);
      }
    }
    return { size, rowCount, columns };
  } finally {
    await handle.close();
  }
}
