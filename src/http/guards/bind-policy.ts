/**
 * @module http/guards/bind-policy
 * Whether the server may start with the given address and token. On loopback only this machine can connect;
 * any other address exposes the studio (which runs arbitrary-cost jobs and writes files) to the network, so it
 * needs a bearer token that is long enough not to be guessed. The server refuses to start otherwise.
 */
import { quote, StudioError } from "../../core/errors.js";
import { isLoopbackAddress } from "./host-policy.js";

export const MIN_TOKEN_LENGTH = 16;

/** The token to enforce (undefined: none), or CONFIG_INVALID when the bind address needs one it lacks. */
export function tokenForBind(bind: string, token: string | undefined): string | undefined {
  const given = token === undefined || token === "" ? undefined : token;
  if (given !== undefined && given.length < MIN_TOKEN_LENGTH) {
    throw new StudioError(
      "CONFIG_INVALID",
      `STUDIO_TOKEN is ${given.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. openssl rand -hex 32)`,
    );
  }
  if (given === undefined && !isLoopbackAddress(bind)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `binding ${quote(bind)} exposes the studio beyond this machine; set STUDIO_TOKEN to require a bearer token`,
    );
  }
  return given;
}
