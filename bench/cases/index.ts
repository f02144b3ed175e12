/**
 * @module bench/cases
 * The benchmark's case list. Adding a case: write bench/cases/{name}.ts exporting a `BenchCase` (its own imports
 * from dist/, its measurements, each time budget as a multiple of the floor) and add one line here. The floor
 * is not listed: the runner measures it around whatever cases are selected.
 */
import type { BenchCase } from "../case.js";
import { corePipeline1m } from "./core-pipeline-1m.js";
import { corePipelineExits1m } from "./core-pipeline-exits-1m.js";
import { csvParse1m } from "./csv-parse-1m.js";
import { memory10m } from "./memory-10m.js";
import { parquet1m } from "./parquet-1m.js";
import { permutation1000x10k } from "./permutation-1000-10k.js";
import { report1m } from "./report-1m.js";
import { report1mOpen } from "./report-1m-open.js";
import { rulesSignal1m } from "./rules-signal-1m.js";
import { studioRun1m } from "./studio-run-1m.js";
import { studioRun1mSplit } from "./studio-run-1m-split.js";
import { sweepGrid1000x100k } from "./sweep-grid-1000-100k.js";
import { sweepGrid1000x100kRedis } from "./sweep-grid-1000-100k-redis.js";

export const CASES: readonly BenchCase[] = [
  corePipeline1m,
  corePipelineExits1m,
  rulesSignal1m,
  parquet1m,
  csvParse1m,
  permutation1000x10k,
  studioRun1m,
  studioRun1mSplit,
  report1m,
  report1mOpen,
  memory10m,
  sweepGrid1000x100k,
  sweepGrid1000x100kRedis,
];
