/**
 * @module http/defaults
 * Where the server listens unless told otherwise: loopback only, on the studio's port. Kept apart from the server
 * factory so the CLI can show them in `--help` without loading the HTTP stack.
 */
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 8787;
