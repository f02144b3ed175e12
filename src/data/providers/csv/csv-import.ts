/**
 * @module data/providers/csv/csv-import
 * `studio data import`: checks a user's CSV exactly as the csv provider will read it, says what it found, and
 * copies it to `{home}/data/{SYMBOL}.csv`. Without a timeframe the file's own spacing decides (a first pass reads
 * the times as instants, with no grid, and the median step between bars names the timeframe; the file is then
 * read again as that timeframe). The copy is atomic (temporary name, fsync, rename) and an existing file is
 * kept unless `force` is set.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { quote, StudioError } from "../../../core/errors.js";
import { isTimeframe, TIMEFRAMES, type Timeframe } from "../../../core/timeframe.js";
import { writeFileAtomic } from "../../../store/atomic-write.js";
import type { HomePaths } from "../../../store/home.js";
import { readWholeFile } from "../../../store/read-whole-file.js";
import { parseProviderOptions } from "../../provider-options.js";
import { gapFlags } from "../../quality/gap-flags.js";
import { type QualityReport, qualityReport } from "../../quality/quality.js";
import { medianSpacing, nearestTimeframe } from "../../quality/spacing.js";
import { csvPath } from "./csv.js";
import { type CsvOptions, CsvOptionsSchema } from "./csv-options.js";
import { type CsvFound, parseCandleCsv } from "./csv-parse.js";

export interface ImportRequest {
  readonly file: string;
  readonly symbol: string;
  readonly timeframe?: string;
  /** csv provider options as the user gave them (timezone, date_format, time_column, align). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly force?: boolean;
}

export interface ImportResult {
  readonly target: string;
  readonly timeframe: Timeframe;
  readonly timeframeDetected: boolean;
  readonly bars: number;
  readonly found: CsvFound;
  readonly report: QualityReport;
  readonly warnings: readonly string[];
  /** The options a RunConfig needs to read the file the same way (`provider_options`); empty when defaults do. */
  readonly providerOptions: Readonly<Record<string, unknown>>;
}

const ALL = { start: -8.64e15, end: 8.64e15 };

export async function importCsv(home: HomePaths, req: ImportRequest): Promise<ImportResult> {
  const target = csvPath(home, req.symbol);
  const options = parseProviderOptions({ name: "csv", options: CsvOptionsSchema }, req.options, "options")
    .options as CsvOptions;
  if (req.timeframe !== undefined && !isTimeframe(req.timeframe)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `--timeframe: unknown timeframe ${quote(req.timeframe)}; valid: ${TIMEFRAMES.join(", ")}`,
    );
  }
  if (existsSync(target) && !req.force) {
    throw new StudioError(
      "CONFIG_INVALID",
      `${path.relative(home.root, target)} already exists; pass --force to replace it`,
      { target },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readWholeFile(path.resolve(req.file), { followSymlinks: true });
  } catch (err) {
    if (err instanceof StudioError) throw err;
    const code = (err as NodeJS.ErrnoException).code === "ENOENT" ? "DATA_NOT_FOUND" : "DATA_INVALID";
    throw new StudioError(code, `cannot read ${quote(req.file)}: ${(err as Error).message}`);
  }
  const file = path.basename(req.file);
  let timeframe = req.timeframe as Timeframe | undefined;
  const detected = timeframe === undefined;
  if (timeframe === undefined) {
    const probe = parseCandleCsv(bytes, {
      file,
      timeframe: "1m",
      ...ALL,
      csv: { ...options, align: "session" },
    });
    const step = medianSpacing(probe.candles.ts);
    if (!Number.isFinite(step)) {
      throw new StudioError(
        "DATA_INVALID",
        `${file}: one bar is not enough to tell the timeframe; pass --timeframe`,
      );
    }
    timeframe = nearestTimeframe(step);
  }
  const parsed = parseCandleCsv(bytes, { file, timeframe, ...ALL, csv: options });
  const report = qualityReport(parsed.candles.ts, gapFlags(parsed.candles.ts, timeframe), parsed.counts);
  mkdirSync(home.data, { recursive: true });
  writeFileAtomic(target, bytes);
  const defaults = CsvOptionsSchema.parse({}) as Record<string, unknown>;
  const providerOptions = Object.fromEntries(
    Object.entries(options).filter(([k, v]) => v !== undefined && v !== defaults[k]),
  );
  return {
    target,
    timeframe,
    timeframeDetected: detected,
    bars: parsed.candles.ts.length,
    found: parsed.found,
    report,
    warnings: parsed.warnings,
    providerOptions,
  };
}
