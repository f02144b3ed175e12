/**
 * @module http/routes/web-routes
 * The web studio at `/`: a single page (index.html) and its two assets, built by `npm run build` into
 * dist/web and read once here, never built at run time. Assets are named by their content's sha256 in the
 * page, so they are cached for a year as immutable; the page itself is revalidated every time (its ETag is
 * its hash). Same origin, same Host guard and token as the API: the guard runs before every route.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { StudioError } from "../../core/errors.js";
import { type ApiApp, rawReply } from "../api-context.js";

/** dist/web beside the compiled server, or the built one when the server runs from source (tests). */
const CANDIDATES = [new URL("../../web/", import.meta.url), new URL("../../../dist/web/", import.meta.url)];

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

const sha = (b: Buffer): string => createHash("sha256").update(b).digest("hex");

function loadAssets(): Map<string, Asset> | undefined {
  const dir = CANDIDATES.find((d) => existsSync(fileURLToPath(new URL("index.html", d))));
  if (!dir) return undefined;
  const read = (name: string) => readFileSync(fileURLToPath(new URL(name, dir)));
  const js = read("studio.js");
  const css = read("studio.css");
  const html = Buffer.from(
    read("index.html")
      .toString("utf8")
      .replace("__JS_HASH__", sha(js).slice(0, 16))
      .replace("__CSS_HASH__", sha(css).slice(0, 16)),
  );
  const asset = (body: Buffer, type: string): Asset => ({ body, type, etag: `"${sha(body)}"` });
  return new Map([
    ["/", asset(html, "text/html; charset=utf-8")],
    ["/assets/studio.js", asset(js, "text/javascript; charset=utf-8")],
    ["/assets/studio.css", asset(css, "text/css; charset=utf-8")],
  ]);
}

/** What the page may load: itself, the API, inline styles (echarts sets them), and report frames. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

export function registerWebRoutes(app: ApiApp): void {
  const assets = loadAssets();
  for (const url of ["/", "/assets/studio.js", "/assets/studio.css"]) {
    app.get(url, { schema: { hide: true } }, async (req, reply) => {
      const a = assets?.get(url);
      if (!a) {
        throw new StudioError(
          "NOT_FOUND",
          "the web studio is not built (dist/web is missing); run `npm run build`",
        );
      }
      const r = rawReply(reply);
      r.header("etag", a.etag);
      r.header("cache-control", url === "/" ? "no-cache" : "public, max-age=31536000, immutable");
      if (url === "/") r.header("content-security-policy", CSP);
      if (req.headers["if-none-match"] === a.etag) return r.code(304).send();
      return r.type(a.type).send(a.body);
    });
  }
}
