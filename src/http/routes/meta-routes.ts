/**
 * @module http/routes/meta-routes
 * What a client needs before its first run: the plugin catalog (every provider, indicator, strategy and risk
 * model with its params' JSON Schema, read from the same registries config validation uses), a health check,
 * and the OpenAPI document generated from the routes' own schemas.
 */
import { CODE_VERSION } from "../../core/code-version.js";
import { describeRegistry } from "../../core/registry.js";
import { PROVIDERS } from "../../data/registry.js";
import { INDICATORS } from "../../indicators/registry.js";
import { RISK_MODELS } from "../../risk/registry.js";
import { STAGES } from "../../runs/events.js";
import { STRATEGIES } from "../../strategies/registry.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { Catalog, ERROR_RESPONSES, Health } from "../api-schemas.js";

const tags = ["meta"];

export function registerMetaRoutes(app: ApiApp, ctx: ApiContext): void {
  // The registries are static: describe them once instead of per request.
  const catalog = {
    providers: describeRegistry(PROVIDERS),
    indicators: describeRegistry(INDICATORS),
    strategies: describeRegistry(STRATEGIES),
    risk_models: describeRegistry(RISK_MODELS),
    stages: [...STAGES],
  };

  app.get(
    "/api/catalog",
    {
      schema: {
        tags,
        summary: "Providers, indicators, strategies and risk models with their params' JSON Schemas",
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
