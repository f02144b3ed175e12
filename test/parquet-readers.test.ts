/**
 * Every kind of Parquet file the studio writes (candle cache, feature cache, and each table of a run folder),
 * opened by three independent readers: DuckDB, polars (Rust) and arrow-rs (parquet-wasm, through apache-arrow).
 * Each must see times as UTC millisecond timestamps, undefined values as nulls, the row count, and the values
 * the studio itself reads back (which the studio's own round-trip tests tie to the arrays it wrote).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromIPC } from "apache-arrow";
import pl from "nodejs-polars";
import { readParquet } from "parquet-wasm";
import { beforeAll, describe, expect, it } from "vitest";
import { smallConfig, studio, tempHome, writeJson } from "../src/cli/test-support/studio-cli.js";
import { decodeParquet, type ParquetValues } from "../src/store/parquet/parquet.js";

type Kind = "timestamp" | "int64" | "double" | "boolean" | "string";
const TIMES = new Set(["ts_utc", "entry_ts", "exit_ts"]);
const INTS = new Set(["entry_bar", "exit_bar"]);

interface Column {
  readonly kind: Kind;
  /** Normalized: numbers (times in epoch ms), null for NaN, booleans, strings. */
  readonly values: readonly unknown[];
}

function kindOf(name: string, values: ParquetValues): Kind {
  if (Array.isArray(values)) return "string";
  if (values instanceof Uint8Array) return "boolean";
  return TIMES.has(name) ? "timestamp" : INTS.has(name) ? "int64" : "double";
}

function normalize(kind: Kind, values: ParquetValues): unknown[] {
  if (kind === "boolean") return Array.from(values as Uint8Array, (v) => v === 1);
  if (kind === "string") return [...(values as string[])];
  return Array.from(values as Float64Array, (v) => (Number.isNaN(v) ? null : v));
}

const num = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : v);

/** The first row where `got` differs from `want` (null only matches null), or undefined. */
function firstDifference(want: readonly unknown[], got: readonly unknown[]): string | undefined {
  if (want.length !== got.length) return `${got.length} values, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(want[i], got[i]) && !(want[i] === 0 && got[i] === 0))
      return `row ${i}: ${String(got[i])}, expected ${String(want[i])}`;
  }
  return undefined;
}

interface Reader {
  readonly name: string;
  /** The reader's name for each kind of column. */
  readonly types: Record<Kind, RegExp>;
  read(file: string): Promise<{ rows: number; columns: Record<string, { type: string; values: unknown[] }> }>;
}

let duck: Awaited<ReturnType<DuckDBInstance["connect"]>>;

const readers: Reader[] = [
  {
    name: "DuckDB",
    types: {
      timestamp: /^TIMESTAMP WITH TIME ZONE$/,
      int64: /^BIGINT$/,
      double: /^DOUBLE$/,
      boolean: /^BOOLEAN$/,
      string: /^VARCHAR$/,
    },
    async read(file) {
      const from = `'${file}'`;
      const described = (await duck.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjects();
      const select = described
        .map((d) =>
          d.column_type === "TIMESTAMP WITH TIME ZONE"
            ? `epoch_ms("${d.column_name}") AS "${d.column_name}"`
            : `"${d.column_name}"`,
        )
        .join(", ");
      const reader = await duck.runAndReadAll(`SELECT ${select} FROM ${from}`);
      const rows = reader.getRowObjects();
      const columns: Record<string, { type: string; values: unknown[] }> = {};
      for (const d of described) {
        const name = String(d.column_name);
        columns[name] = { type: String(d.column_type), values: rows.map((r) => num(r[name])) };
      }
      return { rows: rows.length, columns };
    },
  },
  {
    name: "polars",
    types: {
      timestamp: /^Datetime\(ms,\s*UTC\)$/,
      int64: /^Int64$/,
      double: /^Float64$/,
      boolean: /^Bool(ean)?$/,
      string: /^(String|Utf8)$/,
    },
    async read(file) {
      const df = pl.readParquet(file);
      const columns: Record<string, { type: string; values: unknown[] }> = {};
      for (const s of df.getColumns()) {
        const type = String(s.dtype).replace(/^DataType\((.*)\)$/, "$1");
        // A Datetime series converts to Date objects; its Int64 cast is the epoch-ms count.
        const raw = type.startsWith("Datetime") ? s.cast(pl.Int64).toArray() : s.toArray();
        columns[s.name] = { type, values: Array.from(raw as ArrayLike<unknown>, (v) => num(v ?? null)) };
      }
      return { rows: df.height, columns };
    },
  },
  {
    name: "arrow-rs (parquet-wasm)",
    types: {
      timestamp: /^Timestamp<MILLISECOND, UTC>$/,
      int64: /^Int64$/,
      double: /^Float64$/,
      boolean: /^Bool$/,
      string: /^Utf8$/,
    },
    async read(file) {
      const table = tableFromIPC(readParquet(readFileSync(file)).intoIPCStream());
      const columns: Record<string, { type: string; values: unknown[] }> = {};
      for (const field of table.schema.fields) {
        const vector = table.getChild(field.name)!;
        const values: unknown[] = [];
        for (let i = 0; i < table.numRows; i++) values.push(num(vector.get(i)));
        columns[field.name] = { type: String(field.type), values };
      }
      return { rows: table.numRows, columns };
    },
  },
];

const files: { label: string; file: string }[] = [];

function parquetFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return parquetFiles(full);
    return name.endsWith(".parquet") ? [full] : [];
  });
}

beforeAll(async () => {
  duck = await (await DuckDBInstance.create(":memory:")).connect();
  const home = tempHome();
  // An extra indicator with a long warm-up: its first rows are undefined, which must be nulls for every reader
  // (warmup 0: no history before start, so those rows are in the run).
  const config = smallConfig({ indicators: [{ name: "rsi", params: { period: 30 } }], warmup: 0 });
  const r = await studio(["--home", home, "--json", "run", writeJson(home, "cfg.json", config)]);
  expect(r.code, r.stderr).toBe(0);
  const runDir = JSON.parse(r.stdout).run_dir as string;
  for (const file of parquetFiles(runDir)) files.push({ label: path.basename(file), file });
  for (const file of parquetFiles(path.join(home, "cache", "candles")))
    files.push({ label: "candle cache", file });
  for (const file of parquetFiles(path.join(home, "cache", "features")))
    files.push({ label: `feature cache ${path.basename(path.dirname(file))}`, file });
}, 60_000);

describe("Parquet files open in DuckDB, polars and arrow-rs with the studio's types and values", () => {
  it("covers every kind of file: the run's tables, the candle cache and the feature cache", () => {
    expect(files.map((f) => f.label).sort()).toEqual(
      [
        "candle cache",
        "drawdown.parquet",
        "equity.parquet",
        "feature cache rsi",
        "feature cache sma",
        "feature cache sma",
        "features.parquet",
        "portfolio.parquet",
        "round_trips.parquet",
        "trades.parquet",
      ].sort(),
    );
  });

  it("rebuilds portfolio.parquet's market_value and equity exactly as docs/engine.md says", async () => {
    const portfolio = files.find((f) => f.label === "portfolio.parquet")!.file;
    const equity = files.find((f) => f.label === "equity.parquet")!.file;
    const rows = await duck.runAndReadAll(
      `SELECT count(*) AS n, count(*) FILTER (p.cash + p.position_qty * p.price_ref = e.equity) AS same,
              count(*) FILTER (p.position_qty <> 0) AS invested
       FROM '${portfolio}' p JOIN '${equity}' e USING (ts_utc)`,
    );
    const [r] = rows.getRowObjects();
    expect(r!.same, "cash + position_qty * price_ref = equity on every row").toBe(r!.n);
    expect(Number(r!.invested), "the run held positions").toBeGreaterThan(0);
  });

  for (const reader of readers) {
    it(`${reader.name} reads every file: timestamps as UTC ms timestamps, NaN as null, same rows and values`, async () => {
      let nulls = 0;
      for (const { label, file } of files) {
        const studioTable = await decodeParquet(readFileSync(file));
        const got = await reader.read(file);
        expect(got.rows, `${label}: row count`).toBe(studioTable.rowCount);
        expect(studioTable.rowCount, `${label} has rows`).toBeGreaterThan(0);
        expect(Object.keys(got.columns), `${label}: columns`).toEqual(Object.keys(studioTable.columns));
        for (const [name, values] of Object.entries(studioTable.columns)) {
          const kind = kindOf(name, values);
          const column: Column = { kind, values: normalize(kind, values) };
          const theirs = got.columns[name]!;
          expect(theirs.type, `${label}.${name} is a ${kind}`).toMatch(reader.types[kind]);
          expect(firstDifference(column.values, theirs.values), `${label}.${name}`).toBeUndefined();
          nulls += column.values.filter((v) => v === null).length;
        }
      }
      expect(nulls, "the warm-up rows of the features are nulls the readers saw").toBeGreaterThan(0);
    }, 60_000);
  }
});
