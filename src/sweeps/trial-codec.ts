/**
 * @module sweeps/trial-codec
 * A trial record to and from its `sweep_trials` row. The result is stored as JSON whose non-finite numbers and
 * negative zero are spelled as strings ("Infinity", "-Infinity", "NaN", "-0"), so a trial read back after a
 * crash is the same bits as when it was computed, and a resumed sweep ends byte-identical to an uninterrupted one.
 */
import type { SweepTrialRow } from "../store/repos/sweeps-repo.js";
import type { TrialRecord } from "./execute-sweep.js";
import type { TrialResult } from "./sweep-task.js";

const SPECIAL: Record<string, number> = {
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
  NaN: Number.NaN,
  "-0": -0,
};

function replacer(_key: string, value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (Object.is(value, -0)) return "-0";
  return Number.isFinite(value) ? value : String(value);
}

function reviver(_key: string, value: unknown): unknown {
  return typeof value === "string" && Object.hasOwn(SPECIAL, value) ? SPECIAL[value] : value;
}

export function encodeTrial(record: TrialRecord): SweepTrialRow {
  const r = record.result;
  return {
    trialIndex: record.index,
    paramsJson: JSON.stringify(record.values),
    status: record.status,
    objective: r && !Number.isNaN(r.objective) ? r.objective : null,
    metricsJson: r
      ? JSON.stringify(
          {
            objective: r.objective,
            sharpe: r.sharpe,
            metrics: r.metrics,
            blocks: {
              shift: r.blocks.shift,
              sum: Array.from(r.blocks.sum),
              sumSq: Array.from(r.blocks.sumSq),
            },
          },
          replacer,
        )
      : null,
    errorCode: record.error?.code ?? null,
    errorMessage: record.error?.message ?? null,
  };
}

export function decodeTrial(row: SweepTrialRow): TrialRecord {
  const values = JSON.parse(row.paramsJson) as TrialRecord["values"];
  if (row.status === "failed" || row.metricsJson === null) {
    return {
      index: row.trialIndex,
      values,
      status: "failed",
      error: { code: row.errorCode ?? "INTERNAL", message: row.errorMessage ?? "" },
    };
  }
  const j = JSON.parse(row.metricsJson, reviver) as {
    objective: number;
    sharpe: number;
    metrics: TrialResult["metrics"];
    blocks: { shift: number; sum: number[]; sumSq: number[] };
  };
  return {
    index: row.trialIndex,
    values,
    status: "done",
    result: {
      objective: j.objective,
      sharpe: j.sharpe,
      metrics: j.metrics,
      blocks: {
        shift: j.blocks.shift,
        sum: Float64Array.from(j.blocks.sum),
        sumSq: Float64Array.from(j.blocks.sumSq),
      },
    },
  };
}
