/**
 * @module data/providers/csv/csv
 * The `csv` provider: candles from the user's file `{home}/data/{SYMBOL}.csv` (formats in csv-header.ts,
 * csv-parse.ts and docs/data.md). The symbol chooses the file name only after it matched SYMBOL_PATTERN and
 * went through safeJoin, so `../x` or `a/b` can never reach outside `data/`. The source version is the sha256
 * of the file's bytes: editing the file changes the cache key, so the next request re-reads it. Only regular
 * files are read (a FIFO or device at that path is DATA_INVALID, see read-whole-file.ts). How times are read
 * (time zone, date format, time column, grid or session alignment) comes from `provider_options`
 * (csv-options.ts).
 */
import path from "node:path";
import { z } from "zod";
import { quote, StudioError } from "../../../core/errors.js";
import { sha256 } from "../../../core/hash.js";
import { SYMBOL_PATTERN } from "../../../core/run-config.js";
import { type HomePaths, safeJoin } from "../../../store/home.js";
import { readWholeFile } from "../../../store/read-whole-file.js";
import { throwIfCancelled } from "../../cancel.js";
import type { CandleProvider, CandleRequest, ProviderDef } from "../../provider.js";
import { type CsvOptions, CsvOptionsSchema } from "./csv-options.js";
import { parseCandleCsv } from "./csv-parse.js";

/** The file a symbol maps to; CONFIG_INVALID for anything that is not a plain symbol name. */
export function csvPath(home: HomePaths, symbol: string): string {
  if (!SYMBOL_PATTERN.test(symbol)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `symbol: ${quote(symbol)} is not a symbol name (letters, digits, ._-^=)`,
    );
  }
  try {
    return safeJoin(home.data, `${symbol}.csv`);
  } catch (err) {
    throw new StudioError(
      "CONFIG_INVALID",
      `symbol: ${quote(symbol)} cannot name a file in ${home.data}`,
      undefined,
      {
        cause: err,
      },
    );
  }
}

async function readSource(home: HomePaths, symbol: string): Promise<{ file: string; bytes: Buffer }> {
  const file = csvPath(home, symbol);
  try {
    // A user's data file may be a symbolic link; its target must still be a regular file (not a FIFO).
    return { file, bytes: await readWholeFile(file, { followSymlinks: true }) };
  } catch (err) {
    if (err instanceof StudioError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      throw new StudioError(
        "DATA_NOT_FOUND",
        `csv: no file for symbol ${quote(symbol)}; looked for ${file}`,
        {
          file,
        },
      );
    }
    throw new StudioError("DATA_INVALID", `csv: cannot read ${file}: ${(err as Error).message}`, { file });
  }
}

const versionOf = (bytes: Uint8Array) => `sha256:${sha256(bytes)}`;

function display(home: HomePaths, file: string): string {
  return path.relative(home.root, file) || file;
}

export function createCsvProvider(): CandleProvider {
  // sourceVersion has to read the whole file to hash it; a miss then parses those same bytes instead of
  // reading the file again (and the version always describes exactly the bytes parsed).
  let last: { file: string; bytes: Buffer } | undefined;
  const read = async (home: HomePaths, symbol: string) => {
    const source = last?.file === csvPath(home, symbol) ? last : await readSource(home, symbol);
    last = source;
    return source;
  };
  return {
    name: "csv",
    wholeSource: true,
    async sourceVersion(request: CandleRequest, ctx) {
      last = undefined;
      return versionOf((await read(ctx.home, request.symbol)).bytes);
    },
    async fetch(request: CandleRequest, ctx) {
      const { file, bytes } = await read(ctx.home, request.symbol);
      last = undefined;
      throwIfCancelled(ctx.signal);
      const { candles, counts, warnings } = parseCandleCsv(bytes, {
        file: display(ctx.home, file),
        timeframe: request.timeframe,
        start: request.start,
        end: request.end,
        ...(request.options ? { csv: request.options as CsvOptions } : {}),
      });
      return { candles, rawSourceVersion: versionOf(bytes), report: counts, warnings };
    },
  };
}

const schema = z.strictObject({});

export const csv: ProviderDef<typeof schema> = {
  name: "csv",
  summary: "Candles from {home}/data/{SYMBOL}.csv (pandas, Yahoo-style or epoch-timestamp exports).",
  schema,
  options: CsvOptionsSchema,
  create: () => createCsvProvider(),
};
