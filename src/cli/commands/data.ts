/**
 * @module cli/commands/data
 * `studio data fetch`: loads candles through the cache exactly as a run would, and says what came back (bars,
 * range, gaps, repairs) and whether it came from the cache. It is how a user checks a CSV file or warms the
 * cache before a batch of runs (`--timezone`, `--date-format`, `--time-column` and `--align` are the csv
 * provider's options). `studio data import` (data-import.ts) checks a new file and copies it into `data/`.
 * Progress goes to stderr on a terminal; warnings always go to stderr.
 */
import type { Command } from "commander";
import { quote, StudioError } from "../../core/errors.js";
import { parseTimestamp } from "../../core/run-config.js";
import { TIMEFRAMES } from "../../core/timeframe.js";
import { type LoadedCandles, loadCandles } from "../../data/cache/candle-cache.js";
import { DEFAULT_PROVIDER, PROVIDERS } from "../../data/registry.js";
import { openDatabase } from "../../store/db.js";
import { action, type CliContext, printJson } from "../context.js";
import { isoTime, keyValueTable } from "../format.js";
import { registerDataImport } from "./data-import.js";

interface FetchOptions {
  provider: string;
  symbol: string;
  timeframe: string;
  start: string;
  end: string;
  timezone?: string;
  dateFormat?: string;
  timeColumn?: string;
  align?: string;
}

export function registerDataCommands(program: Command): void {
  const data = program.command("data").description("fetch and inspect candle data");
  data
    .command("fetch")
    .description("load candles into the cache (or read them from it) and summarize them")
    .option("--provider <name>", `candle provider (${Object.keys(PROVIDERS).join(", ")})`, DEFAULT_PROVIDER)
    .requiredOption("--symbol <symbol>", "symbol, e.g. SYN, BTCUSDT, or the name of data/{SYMBOL}.csv")
    .requiredOption("--timeframe <tf>", `bar interval (${TIMEFRAMES.join(", ")})`)
    .requiredOption("--start <time>", "first bar, inclusive: epoch ms or ISO date / date-time (UTC)")
    .requiredOption("--end <time>", "last bar, inclusive: epoch ms or ISO date / date-time (UTC)")
    .option("--timezone <zone>", "csv: IANA time zone of times without an offset (default UTC)")
    .option("--date-format <pattern>", "csv: time column pattern, e.g. yyyyMMdd, dd.MM.yyyy")
    .option("--time-column <name>", "csv: name of the time column")
    .option("--align <mode>", "csv: grid (default) or session (exchange-hours bars)")
    .action(action(fetchCommand));
  registerDataImport(data);
}

/** The csv reading options given on the command line, as `provider_options`. */
export function providerOptionsOf(o: {
  timezone?: string;
  dateFormat?: string;
  timeColumn?: string;
  align?: string;
}): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (o.timezone !== undefined) out.timezone = o.timezone;
  if (o.dateFormat !== undefined) out.date_format = o.dateFormat;
  if (o.timeColumn !== undefined) out.time_column = o.timeColumn;
  if (o.align !== undefined) out.align = o.align;
  return Object.keys(out).length ? out : undefined;
}

function timestampOption(name: string, value: string): number {
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw new StudioError(
      "CONFIG_INVALID",
      `--${name}: expected epoch ms or an ISO date / date-time, got ${quote(value)}`,
    );
  }
  return ms;
}

async function fetchCommand(ctx: CliContext, o: FetchOptions): Promise<void> {
  const request = {
    provider: o.provider,
    symbol: o.symbol,
    timeframe: o.timeframe,
    start: timestampOption("start", o.start),
    end: timestampOption("end", o.end),
  };
  const providerOptions = providerOptionsOf(o);
  const db = openDatabase(ctx.home.db);
  const live = !ctx.json && process.stderr.isTTY;
  let out: LoadedCandles;
  try {
    out = await loadCandles(db, ctx.home, providerOptions ? { ...request, providerOptions } : request, {
      onProgress: (p) => {
        if (live && p.phase === "fetching") {
          process.stderr.write(`\rfetching ${p.bars} bars (${Math.round(p.ratio * 100)}%)`);
        }
      },
    });
  } finally {
    if (live) process.stderr.write("\r\x1b[K");
    db.close();
  }
  for (const w of out.warnings) process.stderr.write(`warning: ${w}\n`);
  const { ts } = out.candles;
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  if (ctx.json) {
    printJson({
      ...request,
      rows: ts.length,
      first_ts: first,
      last_ts: last,
      first_iso: new Date(first).toISOString(),
      last_iso: new Date(last).toISOString(),
      gaps: out.report.gaps,
      largest_gap_ms: out.report.largest_gap_ms,
      from_cache: out.fromCache,
      cache_recovered: out.cacheRecovered,
      candle_hash: out.candleHash,
      raw_source_version: out.rawSourceVersion,
      path: out.path,
      quality: out.report,
      warnings: out.warnings,
    });
    return;
  }
  const q = out.report;
  process.stdout.write(
    `${keyValueTable([
      ["source", `${request.provider} ${request.symbol} ${request.timeframe}`],
      ["rows", ts.length],
      ["range", `${isoTime(first)} .. ${isoTime(last)}`],
      ["gaps", q.gaps],
      ["largest gap", q.gaps > 0 ? formatDuration(q.largest_gap_ms) : "-"],
      ["duplicates dropped", q.duplicates_dropped],
      ["rows rejected", q.rows_rejected],
      ["unsorted fixed", q.unsorted_fixed],
      ["from cache", out.fromCache ? "yes" : out.cacheRecovered ? "no (damaged cache file refetched)" : "no"],
      ["file", out.path],
    ])}\n`,
  );
}

/** 273600000 -> "3d 4h"; the two largest non-zero units. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && parts.length < 2) parts.push(`${n}${name}`);
  }
  return parts.length ? parts.join(" ") : `${ms}ms`;
}
