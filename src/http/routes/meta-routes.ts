/**
 * @module http/routes/meta-routes
 * What a client needs before its first run: the plugin catalog (every provider, indicator, strategy and risk
 * model with its origin, its params' JSON Schema and, for user plugins, the sha256 of the code that runs, read
 * from the studio's own Catalog, the one config validation uses), a health check, and the OpenAPI document
 * generated from the routes' own schemas.
 */
import { describeFamily } from "../../core/catalog/catalog.js";
import { CODE_VERSION } from "../../core/code-version.js";
import { STAGES } from "../../runs/events/events.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { Catalog, ERROR_RESPONSES, Health } from "../api-schemas.js";

const tags = ["meta"];

export function registerMetaRoutes(app: ApiApp, ctx: ApiContext): void {
  // A studio's catalog is fixed when it opens: describe it once instead of per request.
  const plugins = ctx.studio.catalog;
  const catalog = {
    providers: describeFamily(plugins, "providers"),
    indicators: describeFamily(plugins, "indicators"),
    strategies: describeFamily(plugins, "strategies"),
    risk_models: describeFamily(plugins, "risk"),
    stages: [...STAGES],
  };

  app.get(
    "/api/catalog",
    {
      schema: {
        tags,
        summary:
          "Providers, indicators, strategies and risk models with their origins and params' JSON Schemas",
        response: { 200: Catalog, ...ERROR_RESPONSES },
      },
    },
    async () => catalog,
  );

  app.get(
    "/api/health",
    { schema: { tags, summary: "Liveness and version", response: { 200: Health, ...ERROR_RESPONSES } } },
    async () => ({ status: "ok" as const, version: CODE_VERSION, sse_clients: ctx.streams.size }),
  );

  app.get(
    "/api/openapi.json",
    { schema: { tags, summary: "This API's OpenAPI 3 document", response: { ...ERROR_RESPONSES } } },
    async (_req, reply) => rawReply(reply).type("application/json; charset=utf-8").send(app.swagger()),
  );
}
