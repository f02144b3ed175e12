/**
 * @module core/hash
 * sha256 hex helpers. `node:crypto` is the one `node:` import the pure core allows: hashing is a pure function
 * of its input, with no I/O, clock or randomness.
 */
import { createHash } from "node:crypto";

/** Lowercase hex sha256 of a string (UTF-8) or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
