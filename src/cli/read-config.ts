/**
 * @module cli/read-config
 * Reads a config file given on the command line (`-` reads stdin; line and block comments allowed) and
 * applies `--set path=value` overrides.
 * A file that is missing, not JSON or nested deeper than the JSON nesting limit is CONFIG_INVALID naming the file
 * and the problem.
 */
import { readFileSync } from "node:fs";
import { quote, StudioError } from "../core/errors.js";
import { assertJsonDepth } from "../core/json-depth.js";
import { parseSetValue, setPath } from "../runs/merge-config.js";
import { stripJsonComments } from "./strip-json-comments.js";

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (err) {
    throw new StudioError(
      "CONFIG_INVALID",
      `cannot read config ${quote(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const json = stripJsonComments(text);
  assertJsonDepth(json, `config ${quote(file)}`);
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new StudioError(
      "CONFIG_INVALID",
      `config ${quote(file)} is not valid JSON: ${(err as Error).message}`,
    );
  }
}

/** Applies `path=value` assignments in order; the value is JSON when it parses, else a string. */
export function applySets(input: unknown, sets: readonly string[]): unknown {
  let out: unknown = input ?? {};
  for (const assignment of sets) {
    const eq = assignment.indexOf("=");
    if (eq <= 0)
      throw new StudioError("CONFIG_INVALID", `--set expects path=value, got ${quote(assignment)}`);
    try {
      const value = assignment.slice(eq + 1);
      assertJsonDepth(value, "the value");
      out = setPath(out, assignment.slice(0, eq), parseSetValue(value));
    } catch (err) {
      throw new StudioError("CONFIG_INVALID", `--set ${quote(assignment)}: ${(err as Error).message}`);
    }
  }
  return out;
}
