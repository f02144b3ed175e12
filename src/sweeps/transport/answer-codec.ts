/**
 * @module sweeps/transport/answer-codec
 * Trial answers as text, for a BullMQ job's return value: keyed by trial index, sorted by it, and exact. JSON
 * carries every finite double exactly but not ±Infinity or NaN (an objective is +Infinity for a riskless gain,
 * a per-period Sharpe NaN below two returns), -0 (it prints as 0) nor typed arrays (the PBO block sums), so
 * those numbers travel as `{"$num":"Infinity"}` or `{"$num":"-0"}` and Float64Arrays as `{"$f64":base64 of their bytes}`: a worker's answer
 * decodes to the same bits the coordinator would have computed itself.
 */
import type { TrialAnswer } from "../sweep-task.js";

export interface IndexedAnswer {
  readonly index: number;
  readonly answer: TrialAnswer;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Float64Array) {
    return { $f64: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
  }
  if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) {
    return { $num: Object.is(value, -0) ? "-0" : String(value) };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const v = value as { $num?: unknown; $f64?: unknown };
  if (typeof v.$num === "string" && Object.keys(v).length === 1) return Number(v.$num);
  if (typeof v.$f64 === "string" && Object.keys(v).length === 1) {
    const bytes = Buffer.from(v.$f64, "base64");
    const out = new Float64Array(bytes.length / 8);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  return value;
}

export function encodeAnswers(answers: Iterable<IndexedAnswer>): string {
  return JSON.stringify(
    [...answers].sort((a, b) => a.index - b.index),
    replacer,
  );
}

export function decodeAnswers(text: string): IndexedAnswer[] {
  return JSON.parse(text, reviver) as IndexedAnswer[];
}
