/**
 * @module http/guards/request-guard
 * The checks every request passes before any route runs, in this order: the Host header (DNS rebinding), the
 * Origin header when a browser sends one (cross-site requests a page could fire without CORS), then the bearer
 * token when one is configured. The token is compared in constant time over digests, so neither its content
 * nor its length leaks through timing.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { quote, StudioError } from "../../core/errors.js";
import type { HostPolicy } from "./host-policy.js";

export interface GuardOptions {
  readonly hosts: HostPolicy;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  readonly token?: string;
}

const digest = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** Throws HOST_NOT_ALLOWED or UNAUTHORIZED; returns quietly when the request may proceed. */
export function checkRequest(headers: FastifyRequest["headers"], options: GuardOptions): void {
  const host = headers.host;
  if (!options.hosts.allows(host)) {
    throw new StudioError(
      "HOST_NOT_ALLOWED",
      `Host ${quote(host ?? "")} is not allowed; use ${options.hosts.names.join(", ")} or add it with --allowed-host`,
    );
  }
  const origin = headers.origin;
  if (origin !== undefined) {
    const fromHost = originHost(origin);
    if (fromHost === undefined || !options.hosts.allows(fromHost)) {
      throw new StudioError("HOST_NOT_ALLOWED", `requests from origin ${quote(origin)} are not allowed`);
    }
  }
  if (options.token !== undefined) {
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.authorization ?? "");
    if (!m)
      throw new StudioError("UNAUTHORIZED", "missing bearer token (Authorization: Bearer <STUDIO_TOKEN>)");
    if (!tokenMatches(options.token, m[1]!)) throw new StudioError("UNAUTHORIZED", "wrong bearer token");
  }
}
