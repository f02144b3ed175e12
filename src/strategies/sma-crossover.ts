/**
 * @module strategies/sma-crossover
 * The classic moving-average crossover on SMAs of the close: long on a bullish cross of the fast SMA over the
 * slow one, flat (or short with `allow_short`) on a bearish cross. Exact cross rule: `crossoverSignal`.
 */
import { movingAverageCrossover } from "./moving-average-crossover.js";

export const smaCrossover = movingAverageCrossover("sma");
