/**
 * @module sweeps/transport/remote-batch
 * A worker's half of one Redis job: the batch's trials evaluated exactly as the sweep's thread pool evaluates
 * them (`evaluateBatch`, the same TrialContext), built from the coordinator's full candles: the in-sample prefix
 * the job names, every indicator of the batch computed over the full candles and cut to that prefix (features
 * are causal, as executeSweep relies on), and bars per year from the in-sample timestamps. Computed columns are
 * kept per candle hash, so later batches of the same sweep reuse them.
 */

import { type Candles, sliceCandles } from "../../core/candles.js";
import type { Catalog } from "../../core/catalog/catalog.js";
import { ColumnWorkspace } from "../../core/column-workspace.js";
import type { RunConfig } from "../../core/run-config.js";
import { computeFeatures } from "../../indicators/features/compute-features.js";
import type { FeatureColumn } from "../../indicators/features/feature-set.js";
import { barsPerYear } from "../../metrics/bars-per-year.js";
import type { Objective } from "../../validation/objective.js";
import { sweepIndicators } from "../plan/evaluate-trial.js";
import { evaluateBatch } from "../sweep-worker.js";
import type { IndexedAnswer } from "./answer-codec.js";

export interface RemoteBatch {
  readonly candleHash: string;
  readonly candles: Candles;
  readonly inSampleBars: number;
  readonly configs: readonly RunConfig[];
  readonly indices: readonly number[];
  readonly objective: Objective;
  readonly pboPartitions: number;
}

export class RemoteBatchRunner {
  private candleHash = "";
  private readonly columns = new Map<string, FeatureColumn>();
  private readonly workspace = new ColumnWorkspace();

  constructor(private readonly catalog: Catalog) {}

  run(batch: RemoteBatch): IndexedAnswer[] {
    if (batch.candleHash !== this.candleHash) {
      this.columns.clear();
      this.candleHash = batch.candleHash;
    }
    const missing = sweepIndicators(batch.configs, this.catalog).filter((ind) =>
      ind.columns.some((c) => !this.columns.has(c.name)),
    );
    if (missing.length > 0) {
      for (const c of computeFeatures(missing, batch.candles).columns) this.columns.set(c.name, c);
    }
    const isEnd = batch.inSampleBars;
    const candles = sliceCandles(batch.candles, 0, isEnd);
    const features = new Map<string, FeatureColumn>();
    for (const [name, c] of this.columns) {
      features.set(name, { ...c, raw: c.raw.subarray(0, isEnd), shifted: c.shifted.subarray(0, isEnd) });
    }
    const ctx = {
      catalog: this.catalog,
      candles,
      features,
      objective: batch.objective,
      barsPerYear: barsPerYear(candles.ts) ?? 0,
      pboPartitions: batch.pboPartitions,
      workspace: this.workspace,
    };
    const answers = evaluateBatch(batch.configs, ctx, 0, batch.configs.length, () => false)!;
    return answers.map((answer, i) => ({ index: batch.indices[i]!, answer }));
  }
}
