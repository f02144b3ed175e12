/**
 * @module indicators/test-support/random-walk-candles
 * Seeded, realistic-looking candles for property tests, from the look-ahead checks' own sample data (one
 * generator for the contract tests and `studio plugins check`). `withNewTail` keeps bars 0..k and regenerates
 * every later bar from another seed, which is how the no-look-ahead tests change "the future".
 */
export { randomWalkCandles, withNewTail } from "../../plugins/sample-candles.js";
