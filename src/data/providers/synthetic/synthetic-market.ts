/**
 * @module data/providers/synthetic/synthetic-market
 * What makes one synthetic symbol different from another. The symbol alone fixes a 48-bit seed (the first 12
 * hex digits of sha256("synthetic:" + symbol)), and from it the market's character: starting price level,
 * annual volatility, annual drift and typical daily volume. Different symbols are therefore independent markets
 * with their own personalities, and the same symbol is the same market in every run, on every machine.
 */
import { sha256 } from "../../../core/hash.js";
import { Rng } from "../../../core/rng.js";

export interface SyntheticMarket {
  /** Root seed of every random stream of this symbol. */
  readonly seed: number;
  /** Typical price level, log-uniform in [10, 500]. */
  readonly price: number;
  /** Annualized volatility, uniform in [0.15, 0.60]. */
  readonly volatility: number;
  /** Annual drift of the log price, uniform in [-0.02, 0.10]. */
  readonly drift: number;
  /** Typical volume per day, log-uniform in [1e5, 1e7]. */
  readonly dailyVolume: number;
}

export function symbolSeed(symbol: string): number {
  return Number.parseInt(sha256(`synthetic:${symbol}`).slice(0, 12), 16);
}

const logUniform = (u: number, lo: number, hi: number) => Math.exp(Math.log(lo) + u * Math.log(hi / lo));

export function syntheticMarket(symbol: string): SyntheticMarket {
  const seed = symbolSeed(symbol);
  const rng = Rng.fromSeed(seed).derive(0);
  return {
    seed,
    price: logUniform(rng.next(), 10, 500),
    volatility: 0.15 + 0.45 * rng.next(),
    drift: -0.02 + 0.12 * rng.next(),
    dailyVolume: logUniform(rng.next(), 1e5, 1e7),
  };
}
