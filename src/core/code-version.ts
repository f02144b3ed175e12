/**
 * @module core/code-version
 * The version of the code that produces results. It enters every config and feature hash, so a change here
 * invalidates caches and makes old runs distinguishable from new ones. Bump it (with package.json) whenever
 * results could change.
 */
export const CODE_VERSION = "0.4.0";
