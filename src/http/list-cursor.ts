/**
 * @module http/list-cursor
 * The opaque page cursor of `GET /api/runs`: the position after the last run of a page (created_at, run_id),
 * base64url-encoded so clients pass it back without depending on its content. A cursor that does not decode
 * to such a position is CONFIG_INVALID, never a database query with garbage.
 */
import { quote, StudioError } from "../core/errors.js";
import { isRunId } from "../runs/run-paths.js";
import type { RunCursor } from "../store/repos/runs-repo.js";

export function encodeCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.runId]), "utf8").toString("base64url");
}

export function decodeCursor(text: string): RunCursor {
  let value: unknown;
  try {
    value = /^[A-Za-z0-9_-]+$/.test(text)
      ? JSON.parse(Buffer.from(text, "base64url").toString("utf8"))
      : undefined;
  } catch {
    value = undefined;
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isSafeInteger(value[0]) &&
    typeof value[1] === "string" &&
    isRunId(value[1])
  ) {
    return { createdAt: value[0] as number, runId: value[1] };
  }
  throw new StudioError("CONFIG_INVALID", `cursor ${quote(text)} is not a cursor this server issued`, {
    issues: [{ path: "querystring.cursor", message: "not a cursor this server issued", value: text }],
  });
}
