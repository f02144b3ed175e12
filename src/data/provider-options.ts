/**
 * @module data/provider-options
 * A RunConfig's `provider_options`, checked by the chosen provider's own `options` schema (the registry shape:
 * the schema lives on the provider's entry). The parsed options join the candle key only when they read the
 * source differently from the provider's defaults, so a config without `provider_options` (or with options equal
 * to the defaults) keeps the candle hash it always had.
 */
import { canonicalJson } from "../core/canonical-json.js";
import { parseParams } from "../core/catalog/registry.js";
import { quote, StudioError } from "../core/errors.js";
import type { ProviderDef } from "./provider.js";

export interface ParsedProviderOptions {
  /** Parsed options for the provider (its defaults when none were given); undefined without a schema. */
  readonly options: Readonly<Record<string, unknown>> | undefined;
  /** Canonical JSON of the options for the candle key; undefined when they equal the defaults. */
  readonly keyPart: string | undefined;
}

export function parseProviderOptions(
  def: Pick<ProviderDef, "name" | "options">,
  input: Readonly<Record<string, unknown>> | undefined,
  path = "provider_options",
): ParsedProviderOptions {
  if (!def.options) {
    if (input !== undefined && Object.keys(input).length > 0) {
      const keys = Object.keys(input);
      throw new StudioError(
        "CONFIG_INVALID",
        `${path}: provider ${quote(def.name)} takes no options (got ${quote(keys.join(", "))})`,
        { issues: [{ path, message: "this provider takes no options", value: keys }] },
      );
    }
    return { options: undefined, keyPart: undefined };
  }
  const options = parseParams(def.options, input ?? {}, path);
  const defaults = canonicalJson(parseParams(def.options, {}, path));
  const json = canonicalJson(options);
  return { options, keyPart: json === defaults ? undefined : json };
}
