/**
 * @module core/limits
 * Limits that protect the user's machine from a config that would run for days or exhaust memory. Each one is
 * stated in the README; exceeding one is a CONFIG_INVALID (or LIMIT_EXCEEDED at the HTTP edge) naming the value.
 */
export const LIMITS = {
  /** Bars in one run's range (10M bars of 6 columns fit in about 0.5 GB). */
  maxBars: 10_000_000,
  /** Permutations: each one re-runs the whole pipeline. */
  maxPermutations: 10_000,
  /** Block-bootstrap resamplings. */
  maxBootstrap: 100_000,
  /** Monte Carlo trade-sequence resamplings. */
  maxMonteCarlo: 100_000,
  /** Walk-forward windows. */
  maxWfoWindows: 50,
  /** Parameter combinations in a walk-forward grid (the product of the value counts). */
  maxGridTrials: 1_000,
  /** Trials in one sweep (each is a full backtest; its bar returns feed PBO as per-block sums). */
  maxSweepTrials: 100_000,
  /** Varied paths in one sweep's space. */
  maxSweepDimensions: 8,
  /** Candidate values of one sweep dimension. */
  maxSweepValues: 10_000,
  /** Best trials of a sweep re-run as ordinary runs with all artifacts. */
  maxSweepTopK: 20,
  /** Extra indicators a config may request. */
  maxIndicators: 32,
  /** HTTP request body size in bytes. */
  maxBodyBytes: 1_048_576,
  /** Nesting of arrays and objects in a JSON body or config file (code that walks the value recurses). */
  maxJsonDepth: 64,
} as const;
