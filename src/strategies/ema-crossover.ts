/**
 * @module strategies/ema-crossover
 * The moving-average crossover on EMAs of the close (each seeded with the SMA of its first period): long on a
 * bullish cross of the fast EMA over the slow one, flat (or short with `allow_short`) on a bearish cross.
 */
import { movingAverageCrossover } from "./moving-average-crossover.js";

export const emaCrossover = movingAverageCrossover("ema");
