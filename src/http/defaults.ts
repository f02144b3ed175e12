/**
 * @module http/defaults
 * Where the server listens unless told otherwise: loopback only, on the studio's port. Kept apart from the server
 * factory so the CLI can show them in `--help` without loading the HTTP stack.
 */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;

/**
 * How long a client may take, so a slow or stalled one cannot hold a connection (and its memory) forever: the
 * request head within `headersMs`, the whole request with its body within `requestMs`. Node checks open
 * connections every `checkIntervalMs`, so a stalled request is answered 408 within `requestMs +
 * checkIntervalMs`. Responses are not limited: an event stream lasts as long as its run.
 */
export interface HttpTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  checkIntervalMs: 1_000,
};
