/**
 * @module cli/commands/cache
 * `studio cache list` and `studio cache clear`: what the candle cache holds and a way to empty it, by provider
 * and/or symbol. Clearing removes files and database rows together, with the features computed from them.
 */
import type { Command } from "commander";
import { clearCache, listCache } from "../../data/cache/cache-admin.js";
import { SOURCE_END, SOURCE_START } from "../../data/cache/whole-source.js";
import { openDatabase } from "../../store/db.js";
import type { CandleCacheFilter } from "../../store/repos/candle-cache-repo.js";
import { action, type CliContext, printJson } from "../context.js";
import { isoTime, table } from "../format.js";

interface FilterOptions {
  provider?: string;
  symbol?: string;
}

function filterOf(o: FilterOptions): CandleCacheFilter {
  return { ...(o.provider ? { provider: o.provider } : {}), ...(o.symbol ? { symbol: o.symbol } : {}) };
}

function withDb<T>(ctx: CliContext, fn: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(ctx.home.db);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function registerCacheCommands(program: Command): void {
  const cache = program.command("cache").description("inspect and clear the candle cache");
  cache
    .command("list")
    .description("cached candle files (a table; --json for an array)")
    .option("--provider <name>", "only this provider's entries")
    .option("--symbol <symbol>", "only this symbol's entries")
    .action(action((ctx, o: FilterOptions) => withDb(ctx, (db) => list(ctx, listCache(db, filterOf(o))))));
  cache
    .command("clear")
    .description("delete cached candle files and their rows (all, or one provider and/or symbol)")
    .option("--provider <name>", "only this provider's entries")
    .option("--symbol <symbol>", "only this symbol's entries")
    .action(
      action((ctx, o: FilterOptions) =>
        withDb(ctx, (db) => {
          const r = clearCache(db, ctx.home, filterOf(o));
          if (ctx.json) return printJson(r);
          process.stdout.write(
            `removed ${r.entries} cache entr${r.entries === 1 ? "y" : "ies"} and ${r.features} feature file(s), ${formatBytes(r.bytes)}\n`,
          );
        }),
      ),
    );
}

/**
 * The entry of a provider that reads its whole source (a csv file) is keyed by the widest possible range, so any
 * request finds it: its start and end are that key, not dates anyone wrote, and are not shown as dates.
 */
function isWholeSource(r: { start: number; end: number }): boolean {
  return r.start === SOURCE_START && r.end === SOURCE_END;
}

function list(ctx: CliContext, rows: ReturnType<typeof listCache>): void {
  if (ctx.json) {
    printJson(
      rows.map((r) => ({
        candle_hash: r.candleHash,
        provider: r.provider,
        symbol: r.symbol,
        timeframe: r.timeframe,
        start: r.start,
        end: r.end,
        whole_source: isWholeSource(r),
        row_count: r.rowCount,
        size_bytes: r.sizeBytes,
        created_at: r.createdAt,
        path: r.path,
        quality: JSON.parse(r.qualityJson) as unknown,
      })),
    );
    return;
  }
  if (rows.length === 0) {
    process.stdout.write("the candle cache is empty\n");
    return;
  }
  const header = ["provider", "symbol", "tf", "start", "end", "rows", "size", "created", "hash"];
  const body = rows.map((r) => [
    r.provider,
    r.symbol,
    r.timeframe,
    isWholeSource(r) ? "whole file" : isoTime(r.start),
    isWholeSource(r) ? "-" : isoTime(r.end),
    String(r.rowCount),
    formatBytes(r.sizeBytes),
    isoTime(r.createdAt),
    r.candleHash.slice(0, 12),
  ]);
  process.stdout.write(`${table(header, body)}\n`);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
