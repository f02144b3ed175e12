/**
 * @module runs/feature-cache
 * Features cached per indicator: `cache/features/{indicator}/{feature_hash}.parquet` with a `feature_cache` row,
 * keyed by the feature_hash (indicator, parsed params, candle hash, code version). A file holds `ts_utc`,
 * each output shifted +1 bar under its feature name, and the unshifted `raw_*` column. A hit reads the raw
 * columns and re-derives the shift (the same one-bar copy), so no indicator is computed; a missing or damaged
 * file is reported and recomputed.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Candles } from "../core/candles.js";
import { canonicalJson } from "../core/canonical-json.js";
import { CODE_VERSION } from "../core/code-version.js";
import { featureHash } from "../core/hashes.js";
import { computeFeatures, uniqueIndicators } from "../indicators/features/compute-features.js";
import {
  type FeatureColumn,
  type FeatureSet,
  featureSetFromColumns,
  shiftOne,
} from "../indicators/features/feature-set.js";
import type { ResolvedIndicator } from "../indicators/features/resolve-indicator.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import type { HomePaths } from "../store/home.js";
import { safeJoin } from "../store/home.js";
import { encodeParquet, type ParquetColumn } from "../store/parquet/parquet.js";
import { readParquetColumns } from "../store/parquet/read-parquet-columns.js";
import type { Store } from "../store/store.js";

export interface FeatureLoad {
  readonly features: FeatureSet;
  /** feature_hash per indicator, in resolution order. */
  readonly hashes: {
    readonly indicator: string;
    readonly params: Record<string, unknown>;
    readonly feature_hash: string;
    readonly from_cache: boolean;
  }[];
  readonly warnings: string[];
}

export async function loadFeatures(
  store: Store,
  home: HomePaths,
  candles: Candles,
  candleHashValue: string,
  resolved: readonly ResolvedIndicator[],
  now: () => number,
  onProgress?: (ratio: number) => void,
): Promise<FeatureLoad> {
  const unique = uniqueIndicators(resolved);
  const columns: FeatureColumn[] = [];
  const hashes: FeatureLoad["hashes"] = [];
  const warnings: string[] = [];
  for (const [i, indicator] of unique.entries()) {
    // A user indicator's code version is part of its features' identity; built-ins hash as they always did.
    const pluginSha = indicator.origin === "builtin" ? undefined : indicator.origin.sha256;
    const hash = featureHash(indicator.def.name, indicator.params, candleHashValue, CODE_VERSION, pluginSha);
    const rel = `cache/features/${indicator.def.name}/${hash}.parquet`;
    const file = safeJoin(home.featureCache, indicator.def.name, `${hash}.parquet`);
    let cached = await readCached(store, file, hash, candles.ts.length, indicator).catch((err: Error) => {
      warnings.push(`feature cache file ${rel} was unreadable (${err.message}); recomputed`);
      return undefined;
    });
    if (cached === undefined) {
      cached = computeFeatures([indicator], candles).columns as FeatureColumn[];
      mkdirSync(path.dirname(file), { recursive: true });
      const written = writeFileAtomic(file, encodeParquet(parquetColumns(candles.ts, cached)));
      store.featureCache.upsert({
        featureHash: hash,
        name: indicator.def.name,
        paramsJson: canonicalJson(indicator.params),
        candleHash: candleHashValue,
        rowCount: candles.ts.length,
        createdAt: now(),
        path: rel,
        sizeBytes: written.size,
      });
      hashes.push({
        indicator: indicator.def.name,
        params: indicator.params,
        feature_hash: hash,
        from_cache: false,
      });
    } else {
      hashes.push({
        indicator: indicator.def.name,
        params: indicator.params,
        feature_hash: hash,
        from_cache: true,
      });
    }
    columns.push(...cached);
    onProgress?.((i + 1) / unique.length);
  }
  return { features: featureSetFromColumns(columns, candles.ts.length), hashes, warnings };
}

/** The cached columns, undefined when there is no row/file; throws when the file exists but is damaged. */
async function readCached(
  store: Store,
  file: string,
  hash: string,
  rows: number,
  indicator: ResolvedIndicator,
): Promise<FeatureColumn[] | undefined> {
  const row = store.featureCache.get(hash);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return undefined;
  }
  if (row === undefined) return undefined;
  if (row.sizeBytes !== size || row.rowCount !== rows)
    throw new Error(`size ${size} / rows ${row.rowCount}, expected ${row.sizeBytes} / ${rows}`);
  // Only the raw columns are read (the shifted ones are rebuilt from them): half the file.
  const table = await readParquetColumns(
    file,
    indicator.columns.map((c) => `raw_${c.name}`),
  );
  if (table.size !== size) throw new Error(`size ${table.size}, expected ${size}`);
  if (table.rowCount !== rows) throw new Error(`${table.rowCount} rows, expected ${rows}`);
  return indicator.columns.map(({ output, name }) => {
    const raw = table.columns[`raw_${name}`] as Float64Array;
    return {
      name,
      indicator: indicator.def.name,
      params: indicator.params,
      output,
      raw,
      shifted: shiftOne(raw),
    };
  });
}

/** The feature Parquet schema (docs/architecture.md#parquet-files): ts_utc, shifted columns, then raw_* columns. */
export function parquetColumns(ts: Float64Array, columns: readonly FeatureColumn[]): ParquetColumn[] {
  return [
    { name: "ts_utc", type: "TIMESTAMP", data: ts },
    ...columns.map((c) => ({ name: c.name, type: "DOUBLE" as const, data: c.shifted })),
    ...columns.map((c) => ({ name: `raw_${c.name}`, type: "DOUBLE" as const, data: c.raw })),
  ];
}
