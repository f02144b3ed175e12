/**
 * @module http/guards/host-policy
 * Which Host headers the server answers. A page on an attacker's domain can make the browser resolve that domain
 * to 127.0.0.1 (DNS rebinding) and then talk to the studio as "same origin"; the only thing that gives it away
 * is the Host header, which still names the attacker's domain. So only loopback names and names the operator
 * configured are accepted. IP literals of the bind address are accepted too: nobody can rebind an IP literal.
 */
import { isIP } from "node:net";
import { quote, StudioError } from "../../core/errors.js";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** `{name, port}` of a Host header value (`name` lower-cased, IPv6 kept in brackets); undefined if malformed. */
export function parseHost(value: string): { name: string; port: string | undefined } | undefined {
  const text = value.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!m) return undefined;
  return { name: m[1]!, port: m[2] };
}

/** Whether `host` (a bind address) only accepts connections from this machine. */
export function isLoopbackAddress(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || (isIP(h) === 4 && h.startsWith("127."));
}

/** The Host name an IP literal bind address is reached by (`[v6]` in brackets); undefined for names and wildcards. */
function bindLiteral(bind: string): string | undefined {
  const h = bind
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (h === "0.0.0.0" || h === "::") return undefined;
  if (isIP(h) === 4) return h;
  if (isIP(h) === 6) return `[${h}]`;
  return undefined;
}

export interface HostPolicy {
  /** Whether a Host header value (or an Origin's host) may reach the API. */
  allows(hostHeader: string | undefined): boolean;
  /** The accepted names, for error messages and docs. */
  readonly names: readonly string[];
}

/**
 * `allowed` entries are names (any port) or `name:port` (that port only), e.g. from `--allowed-host` or
 * STUDIO_ALLOWED_HOSTS.
 */
export function hostPolicy(allowed: readonly string[], bind: string): HostPolicy {
  const anyPort = new Set(LOOPBACK_NAMES);
  const exact = new Set<string>();
  const literal = bindLiteral(bind);
  if (literal) anyPort.add(literal);
  for (const entry of allowed) {
    const parsed = parseHost(entry);
    if (!parsed) throw new StudioError("CONFIG_INVALID", `allowed host ${quote(entry)} is not a host name`);
    if (parsed.port === undefined) anyPort.add(parsed.name);
    else exact.add(`${parsed.name}:${parsed.port}`);
  }
  return {
    names: [...anyPort, ...exact],
    allows(hostHeader) {
      if (hostHeader === undefined) return false;
      const parsed = parseHost(hostHeader);
      if (!parsed) return false;
      return anyPort.has(parsed.name) || exact.has(`${parsed.name}:${parsed.port}`);
    },
  };
}

/** Splits STUDIO_ALLOWED_HOSTS (comma or space separated). */
export function allowedHostsFromEnv(value: string | undefined): string[] {
  return (value ?? "").split(/[,\s]+/).filter((s) => s !== "");
}
