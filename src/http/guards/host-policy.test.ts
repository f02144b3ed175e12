import { describe, expect, it } from "vitest";
import { allowedHostsFromEnv, hostPolicy, isLoopbackAddress, parseHost } from "./host-policy.js";

describe("parseHost", () => {
  it("splits name and port, lower-cases, keeps IPv6 in brackets", () => {
    expect(parseHost("LocalHost:8787")).toEqual({ name: "localhost", port: "8787" });
    expect(parseHost("[::1]:80")).toEqual({ name: "[::1]", port: "80" });
    expect(parseHost("127.0.0.1")).toEqual({ name: "127.0.0.1", port: undefined });
  });

  it.each(["", "a b", "::1", "localhost:", "localhost:http", "user@localhost", "localhost/x"])(
    "refuses the malformed Host %j",
    (value) => expect(parseHost(value)).toBeUndefined(),
  );
});

describe("hostPolicy", () => {
  const loopback = hostPolicy([], "127.0.0.1");

  it.each(["localhost", "localhost:8787", "127.0.0.1:8787", "[::1]:8787", "LOCALHOST:1"])(
    "accepts %s",
    (host) => expect(loopback.allows(host)).toBe(true),
  );

  it.each([
    undefined,
    "evil.example",
    "evil.example:8787",
    "localhost.evil.example",
    "127.0.0.1.nip.io",
    "localhost.",
    "127.0.0.2",
    "0.0.0.0:8787",
  ])("refuses %s on a loopback server", (host) => expect(loopback.allows(host)).toBe(false));

  it("accepts configured names on any port, or on the one port given", () => {
    const policy = hostPolicy(["studio.lan", "box.lan:9000"], "0.0.0.0");
    expect(policy.allows("studio.lan:8787")).toBe(true);
    expect(policy.allows("box.lan:9000")).toBe(true);
    expect(policy.allows("box.lan:9001"), "a name configured with a port matches that port only").toBe(false);
    expect(policy.allows("0.0.0.0:8787"), "a wildcard bind is not a name clients use").toBe(false);
  });

  it("accepts the IP literal the server is bound to, which no DNS answer can rebind", () => {
    expect(hostPolicy([], "192.168.1.20").allows("192.168.1.20:8787")).toBe(true);
    expect(hostPolicy([], "fd00::5").allows("[fd00::5]:8787")).toBe(true);
  });

  it("refuses a configured entry that is not a host name", () => {
    expect(() => hostPolicy(["http://x"], "127.0.0.1")).toThrow(/not a host name/);
  });
});

describe("isLoopbackAddress", () => {
  it("knows loopback bind addresses from the rest", () => {
    for (const a of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ["0.0.0.0", "::", "192.168.1.5", "example.com"])
      expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe("allowedHostsFromEnv", () => {
  it("splits on commas and whitespace", () => {
    expect(allowedHostsFromEnv(" a.lan, b.lan:9000  c.lan ")).toEqual(["a.lan", "b.lan:9000", "c.lan"]);
    expect(allowedHostsFromEnv(undefined)).toEqual([]);
  });
});
