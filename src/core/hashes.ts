/**
 * @module core/hashes
 * The hashes of docs/architecture.md#reproducibility-and-hashes, in one place:
 * - `config_hash  = sha256(canonical_json(RunConfig + code_version [+ plugins]))`; the seed is included (it
 *   changes results), `preset_ref` is not (it only says where the values came from; the merged values are
 *   hashed). `plugins` maps each user plugin the run uses (`strategy:NAME`, `indicator:NAME`) to the sha256 of
 *   its code, so editing a plugin file gives a new run; it is left out when the run uses built-ins only, so
 *   their hashes are what they always were. `warmup` is left out when it is the default `"auto"`.
 * - `candle_hash  = sha256(provider|symbol|timeframe|start|end|raw_source_version)`, followed by
 *   `|canonical_json(provider options)` when the run's provider options read the source differently from the
 *   provider's defaults (so every existing key stays as it was).
 * - `feature_hash = sha256(indicator_name|canonical_json(params)|candle_hash|code_version[|plugin_sha256])`;
 *   canonical JSON sorts the params' keys. A user indicator appends the sha256 of its code (an edit is a new
 *   cache entry); a built-in appends nothing.
 * - `run_hash     = sha256(config_hash)`, the idempotency key.
 */
import { canonicalJson } from "./canonical-json.js";
import { CODE_VERSION } from "./code-version.js";
import { sha256 } from "./hash.js";
import type { RunConfig } from "./run-config.js";

/** The version of each user plugin a run uses, by `strategy:NAME` / `indicator:NAME`. */
export type PluginVersions = Readonly<Record<string, string>>;

export function configHash(
  config: RunConfig,
  codeVersion: string = CODE_VERSION,
  plugins: PluginVersions = {},
): string {
  const { preset_ref: _presetRef, warmup, ...rest } = config;
  // The default warm-up adds no key, so configs written before `warmup` existed keep their hashes (the code
  // version, which changed with it, still separates their results); any other value is hashed.
  const hashed = warmup === "auto" || warmup === undefined ? rest : { ...rest, warmup };
  const versions = Object.keys(plugins).length > 0 ? { plugins } : {};
  return sha256(canonicalJson({ ...hashed, code_version: codeVersion, ...versions }));
}

export interface CandleKey {
  readonly provider: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly start: number;
  readonly end: number;
  /** Changes whenever the provider's bytes for the same request could change (generator version, file digest). */
  readonly rawSourceVersion: string;
  /** Canonical JSON of non-default provider options; absent otherwise. */
  readonly options?: string;
}

export function candleHash(key: CandleKey): string {
  const parts = [key.provider, key.symbol, key.timeframe, key.start, key.end, key.rawSourceVersion];
  if (key.options !== undefined) parts.push(key.options);
  return sha256(parts.join("|"));
}

export function featureHash(
  name: string,
  params: Record<string, unknown>,
  candleHashValue: string,
  codeVersion: string = CODE_VERSION,
  pluginSha256?: string,
): string {
  const parts = [name, canonicalJson(params), candleHashValue, codeVersion];
  if (pluginSha256 !== undefined) parts.push(pluginSha256);
  return sha256(parts.join("|"));
}

export function runHash(configHashValue: string): string {
  return sha256(configHashValue);
}
