/**
 * @module data/request
 * Validation of a candle request at the edge of the data layer: the symbol must be a name (never a path), the
 * timeframe one of the studio's, the range integer epoch ms with start <= end, and the number of bars within the
 * machine-protecting limit. Everything downstream (file paths, generators, HTTP queries) trusts the result.
 */
import { quote, StudioError } from "../core/errors.js";
import { LIMITS } from "../core/limits.js";
import { SYMBOL_PATTERN } from "../core/run-config.js";
import { type Timeframe, timeframeMs } from "../core/timeframe.js";
import type { CandleRequest } from "./provider.js";

export interface CandleRequestInput {
  readonly symbol: string;
  readonly timeframe: string;
  readonly start: number;
  readonly end: number;
}

function invalid(path: string, value: unknown, message: string): StudioError {
  return new StudioError("CONFIG_INVALID", `${path}: ${message} (got ${quote(value)})`, {
    issues: [{ path, message, value }],
  });
}

/** Throws CONFIG_INVALID naming the field and value; returns the request typed. */
export function parseCandleRequest(input: CandleRequestInput): CandleRequest {
  const { symbol, timeframe, start, end } = input;
  if (typeof symbol !== "string" || !SYMBOL_PATTERN.test(symbol)) {
    throw invalid("symbol", symbol, "expected a symbol name (letters, digits, ._-^=), not a path");
  }
  const interval = timeframeMs(timeframe);
  if (!Number.isSafeInteger(start)) throw invalid("start", start, "expected integer epoch ms");
  if (!Number.isSafeInteger(end)) throw invalid("end", end, "expected integer epoch ms");
  if (start > end) throw invalid("start", start, `start is after end (${end})`);
  const bars = Math.floor((end - start) / interval) + 1;
  if (bars > LIMITS.maxBars) {
    throw invalid("end", end, `range spans ${bars} ${timeframe} bars; the limit is ${LIMITS.maxBars}`);
  }
  return { symbol, timeframe: timeframe as Timeframe, start, end };
}
