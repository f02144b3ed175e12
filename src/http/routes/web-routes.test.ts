import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-support/start-test-server.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** A GET with a chosen Host header (fetch would not let a test set it). */
function getWithHost(host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: t.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("web routes", () => {
  it("serves the studio page revalidated on each load, naming its assets by content hash", async () => {
    const res = await fetch(`${t.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    const js = /src="(\/assets\/studio\.js\?v=[0-9a-f]{16})"/.exec(html)?.[1];
    const css = /href="(\/assets\/studio\.css\?v=[0-9a-f]{16})"/.exec(html)?.[1];
    expect(js, "the page references the hashed script").toBeDefined();
    expect(css, "the page references the hashed style").toBeDefined();
    const asset = await fetch(`${t.url}${js}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await asset.text()).length).toBeGreaterThan(1000);
    const etag = res.headers.get("etag")!;
    const again = await fetch(`${t.url}/`, { headers: { "if-none-match": etag } });
    expect(again.status, "an unchanged page is not sent again").toBe(304);
  });

  it("keeps the page behind the Host guard, like the API", async () => {
    expect(await getWithHost(`127.0.0.1:${t.port}`, "/")).toBe(200);
    expect(await getWithHost("evil.example", "/")).toBe(403);
    expect(await getWithHost("evil.example", "/assets/studio.css")).toBe(403);
  });

  it("requires the bearer token for the page when one is set", async () => {
    const guarded = await startTestServer({ token: "s3cret-token-for-tests" });
    try {
      expect((await fetch(`${guarded.url}/`)).status).toBe(401);
      const ok = await fetch(`${guarded.url}/`, {
        headers: { authorization: "Bearer s3cret-token-for-tests" },
      });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
