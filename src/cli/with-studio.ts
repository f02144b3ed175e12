/**
 * @module cli/with-studio
 * Opens the studio for one command and closes it whatever happens, so a failed command never leaves the
 * database open.
 */
import { openStudio } from "../runs/open-studio.js";
import type { CliContext } from "./context.js";

export function withStudio<T>(
  ctx: CliContext,
  fn: (studio: ReturnType<typeof openStudio>) => Promise<T> | T,
): Promise<T> {
  const studio = openStudio(ctx.home);
  return Promise.resolve()
    .then(() => fn(studio))
    .finally(() => studio.close());
}
