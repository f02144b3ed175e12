/**
 * @module cli/resolve-id
 * People type the first few characters of an id (the 8 that `runs list` and `sweeps list` show). A full id passes
 * through untouched; a prefix is matched against every stored id of its kind: one match is the id, none is
 * NOT_FOUND, several is CONFIG_INVALID with the matches in `details.matches` (and in the message) so the user can
 * type more. Runs and sweeps share this rule, so a prefix means the same thing in every command.
 */
import { quote, StudioError } from "../core/errors.js";
import { isRunId } from "../runs/run-paths.js";

/** One stored id and what the ambiguity message says about it. */
export interface IdCandidate {
  readonly id: string;
  readonly status: string;
  readonly label: string;
}

const PREFIX = /^[0-9a-f-]{1,36}$/;
const SHOWN = 10;

/**
 * The id `given` names among `candidates` (read only when `given` is a prefix). `kind` is the word the messages
 * use ("run", "sweep") and the `<kind>_id` of the error details.
 */
export function resolveId(kind: string, candidates: () => readonly IdCandidate[], given: string): string {
  const prefix = given.trim().toLowerCase();
  if (isRunId(prefix)) return prefix;
  if (!PREFIX.test(prefix)) {
    throw new StudioError(
      "NOT_FOUND",
      `no ${kind} ${quote(given)}: give a ${kind} id or the start of one (hex digits)`,
    );
  }
  const matches = candidates().filter((c) => c.id.startsWith(prefix));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new StudioError("NOT_FOUND", `no ${kind} id starts with ${quote(given)}`);
  const listed = matches.slice(0, SHOWN).map((c) => `  ${c.id}  ${c.status}  ${c.label}`);
  if (matches.length > SHOWN) listed.push(`  ... and ${matches.length - SHOWN} more`);
  const key = `${kind}_id`;
  throw new StudioError(
    "CONFIG_INVALID",
    `${kind} id prefix ${quote(given)} matches ${matches.length} ${kind}s; type more characters:\n${listed.join("\n")}`,
    {
      issues: [{ path: key, message: "ambiguous prefix", value: given }],
      matches: matches.map((c) => ({ [key]: c.id, status: c.status, strategy: c.label })),
    },
  );
}
