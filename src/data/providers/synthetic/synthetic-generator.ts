/**
 * @module data/providers/synthetic/synthetic-generator
 * The synthetic market's price process, bar by bar on the grid of synthetic-grid.ts:
 * - log return = drift - s^2/2 + s * e, with s = volatility * sqrt(bar length in years) * regime * sqrt(h);
 * - e: Student-t with 4 degrees of freedom scaled to unit variance (fat tails), clipped at +-10;
 * - h: GARCH(1,1) variance, h = 0.02 + 0.06 r^2 + 0.92 h (long-run 1), so big moves cluster;
 * - regime: a two-state Markov chain, calm (mean 60 days) and volatile (mean 15 days, 2.5x the calm
 *   volatility), normalized so the long-run volatility is the market's;
 * - open = previous close for 24/7 intraday bars; daily and weekly bars open with a small overnight gap;
 * - high/low: wicks beyond max/min(open, close) of exponential length, so low <= min(open, close),
 *   max(open, close) <= high and every price > 0;
 * - volume: the market's daily volume spread over the bar, x an intraday U-shape (busy at the UTC day's start
 *   and end, quiet mid-day, mean 1), x more in volatile bars, x lognormal noise.
 * One pass, typed arrays only. The path starts at the request's first bar from its own seeded stream
 * (symbol, timeframe, first bar), so a request is reproducible to the byte, and two requests with the same start
 * agree on their common prefix.
 */
import type { Candles } from "../../../core/candles.js";
import { Rng } from "../../../core/rng.js";
import { barIndex, MS_PER_DAY, MS_PER_YEAR, TIMEFRAME_MS, type Timeframe } from "../../../core/timeframe.js";
import type { CandleRequest } from "../../provider.js";
import { barTimes } from "./synthetic-grid.js";
import { syntheticMarket } from "./synthetic-market.js";

/** Changes whenever the generator's output changes; it is the synthetic provider's source version. */
export const SYNTHETIC_VERSION = "synthetic-v1";

const GARCH = { omega: 0.02, alpha: 0.06, beta: 0.92 } as const;
const CALM_DAYS = 60;
const VOLATILE_DAYS = 15;
/** sqrt(E[mult^2]) under the stationary regime mix (80% calm at 1, 20% volatile at 2.5). */
const REGIME_NORM = Math.sqrt(0.8 * 1 + 0.2 * 2.5 * 2.5);
const REGIME_MULT = [1 / REGIME_NORM, 2.5 / REGIME_NORM] as const;
const WEEKDAYS_PER_YEAR = (365.25 * 5) / 7;
/** Start keys must be non-negative integers; this offset covers bar indices of any date JS can represent. */
const START_KEY_OFFSET = 2 ** 45;

export function generateSynthetic(request: CandleRequest): Candles {
  const { timeframe } = request;
  const ts = barTimes(timeframe, request.start, request.end);
  const n = ts.length;
  const out = {
    ts,
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
  };
  if (n === 0) return out;
  const m = syntheticMarket(request.symbol);
  const interval = TIMEFRAME_MS[timeframe];
  const rng = pathRng(m.seed, timeframe, timeframe === "1M" ? barIndex(ts[0]!, "1M") : ts[0]! / interval);
  const years = timeframe === "1d" ? 1 / WEEKDAYS_PER_YEAR : interval / MS_PER_YEAR;
  const baseSigma = m.volatility * Math.sqrt(years);
  const drift = m.drift * years;
  const barDays = timeframe === "1d" ? 1 : interval / MS_PER_DAY;
  const toVolatile = Math.min(0.5, barDays / CALM_DAYS);
  const toCalm = Math.min(0.5, barDays / VOLATILE_DAYS);
  const intraday = interval < MS_PER_DAY;
  const barVolume = m.dailyVolume * (timeframe === "1w" ? 5 : barDays);

  let price = m.price * Math.exp(0.25 * rng.normal());
  let regime = uniform(rng) < 0.2 ? 1 : 0;
  let h = 1;
  let shock = 0;
  for (let i = 0; i < n; i++) {
    if (uniform(rng) < (regime === 0 ? toVolatile : toCalm)) regime ^= 1;
    h = GARCH.omega + GARCH.alpha * shock * shock + GARCH.beta * h;
    const sqrtH = Math.sqrt(h);
    const e = studentT4(rng);
    shock = sqrtH * e;
    const s = baseSigma * REGIME_MULT[regime]! * sqrtH;
    const open = intraday ? price : price * Math.exp(0.2 * s * rng.normal());
    const close = open * Math.exp(drift - 0.5 * s * s + s * e);
    const wick = 0.6 * s;
    out.open[i] = open;
    out.close[i] = close;
    out.high[i] = Math.max(open, close) * Math.exp(wick * -Math.log(uniform(rng)));
    out.low[i] = Math.min(open, close) * Math.exp(-wick * -Math.log(uniform(rng)));
    const profile = intraday ? uShape(ts[i]!, interval) : 1;
    const activity = (0.6 + 0.4 * Math.abs(e)) * (regime === 1 ? 1.4 : 1);
    out.volume[i] = barVolume * profile * activity * Math.exp(0.35 * rng.normal() - 0.06125);
    price = close;
  }
  return out;
}

/**
 * The random stream of each timeframe. Appended to, never reordered: a timeframe added later (3d, 1M) must not
 * shift the streams, and so the data, of the existing ones.
 */
const STREAM_ORDER: readonly Timeframe[] = [
  ...["1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "12h", "1d", "1w"],
  ...["3d", "1M"],
] as Timeframe[];

function pathRng(seed: number, timeframe: Timeframe, firstBarIndex: number): Rng {
  return Rng.fromSeed(seed)
    .derive(1 + STREAM_ORDER.indexOf(timeframe))
    .derive(Math.floor(firstBarIndex) + START_KEY_OFFSET);
}

/** Uniform in (0, 1): never 0, so its logarithm is finite. */
function uniform(rng: Rng): number {
  return (rng.nextUint32() + 0.5) / 4294967296;
}

/** Student-t(4) / sqrt(2): z / sqrt(chi2_4 / 2), with chi2_4 = -2 ln(U1 U2); unit variance. */
function studentT4(rng: Rng): number {
  const e = rng.normal() / Math.sqrt(-Math.log(uniform(rng) * uniform(rng)));
  return Math.min(10, Math.max(-10, e));
}

/** 1 + 1.5 ((2x - 1)^2 - 1/3) over the UTC day, x the bar's mid-point as a fraction of the day: mean 1. */
function uShape(ts: number, interval: number): number {
  const x = ((((ts % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) + interval / 2) / MS_PER_DAY;
  const d = 2 * x - 1;
  return 1 + 1.5 * (d * d - 1 / 3);
}
