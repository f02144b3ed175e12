/**
 * @module core/test-support/studio-error-of
 * The StudioError a call throws, for tests that assert on its code, message and details. Any other throw is
 * rethrown as it is, and no throw at all fails the test.
 */
import { StudioError } from "../errors.js";

export function studioErrorOf(fn: () => unknown): StudioError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StudioError) return err;
    throw err;
  }
  throw new Error("expected a StudioError");
}
