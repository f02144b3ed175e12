/**
 * @module cli/commands/data-import
 * `studio data import FILE --symbol S [--timeframe TF] [--timezone Z] [--date-format F] [--time-column C]
 * [--align grid|session] [--force]`: validates a CSV as the csv provider will read it, shows what it found (rows,
 * range, gaps, columns, time format, timeframe) and copies it to the home's `data/` (see data/providers/csv/csv-import.ts).
 * A bad file is DATA_INVALID with its line number and nothing is copied.
 */
import type { Command } from "commander";
import { TIMEFRAMES } from "../../core/timeframe.js";
import { importCsv } from "../../data/providers/csv/csv-import.js";
import { action, type CliContext, printJson } from "../context.js";
import { isoTime, keyValueTable } from "../format.js";
import { formatDuration, providerOptionsOf } from "./data.js";

interface ImportOptions {
  symbol: string;
  timeframe?: string;
  timezone?: string;
  dateFormat?: string;
  timeColumn?: string;
  align?: string;
  force?: boolean;
}

export function registerDataImport(data: Command): void {
  data
    .command("import <file>")
    .description("check a CSV file, show what it holds and copy it to data/{SYMBOL}.csv")
    .requiredOption("--symbol <symbol>", "symbol the file becomes (data/{SYMBOL}.csv)")
    .option(
      "--timeframe <tf>",
      `bar interval (${TIMEFRAMES.join(", ")}); default: told by the file's spacing`,
    )
    .option("--timezone <zone>", "IANA time zone of times without an offset (default UTC)")
    .option("--date-format <pattern>", "time column pattern, e.g. yyyyMMdd, dd.MM.yyyy, MM/dd/yyyy HH:mm")
    .option("--time-column <name>", "name of the time column")
    .option("--align <mode>", "grid (bars on the timeframe's UTC grid) or session (exchange hours)")
    .option("--force", "replace an existing data/{SYMBOL}.csv")
    .action(action(importCommand));
}

async function importCommand(ctx: CliContext, file: string, o: ImportOptions): Promise<void> {
  const options = providerOptionsOf(o) ?? {};
  const r = await importCsv(ctx.home, {
    file,
    symbol: o.symbol,
    ...(o.timeframe === undefined ? {} : { timeframe: o.timeframe }),
    options,
    force: o.force === true,
  });
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  if (ctx.json) {
    printJson({
      symbol: o.symbol,
      path: r.target,
      timeframe: r.timeframe,
      timeframe_detected: r.timeframeDetected,
      rows: r.found.rows,
      bars: r.bars,
      first_iso: new Date(r.found.first).toISOString(),
      last_iso: new Date(r.found.last).toISOString(),
      columns: r.found.columns,
      time_format: r.found.timeFormat,
      delimiter: r.found.delimiter,
      quality: r.report,
      provider_options: r.providerOptions,
      warnings: r.warnings,
    });
    return;
  }
  const q = r.report;
  const columns = Object.entries(r.found.columns)
    .map(([name, at]) => `${name}=${at}`)
    .join(" ");
  const opts = Object.keys(r.providerOptions).length ? JSON.stringify(r.providerOptions) : "(none needed)";
  process.stdout.write(
    `${keyValueTable([
      ["file", r.target],
      ["timeframe", `${r.timeframe}${r.timeframeDetected ? " (told by the bars' spacing)" : ""}`],
      ["rows", r.found.rows],
      ["bars", r.bars],
      ["range", `${isoTime(r.found.first)} .. ${isoTime(r.found.last)}`],
      ["gaps", q.gaps],
      ["largest gap", q.gaps > 0 ? formatDuration(q.largest_gap_ms) : "-"],
      ["duplicates dropped", q.duplicates_dropped],
      ["unsorted fixed", q.unsorted_fixed],
      ["columns", columns],
      ["time format", r.found.timeFormat],
      ["delimiter", JSON.stringify(r.found.delimiter)],
      ["provider_options", opts],
    ])}\n`,
  );
}
