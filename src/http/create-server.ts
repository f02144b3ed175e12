/**
 * @module http/create-server
 * Builds the API server around a studio: zod validation and serialization, the OpenAPI document, the request
 * guard (Host, Origin, bearer token), one error shape (also for requests the HTTP parser refuses), JSON-only
 * bodies under the size and nesting limits, time limits on receiving a request, and every route group. It does not listen (`listenOn` does), so tests can build a server that believes it is bound to a public
 * address without ever opening one.
 */

import fastifySwagger from "@fastify/swagger";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { CODE_VERSION } from "../core/code-version.js";
import { assertJsonDepth } from "../core/json-depth.js";
import { LIMITS } from "../core/limits.js";
import type { Studio } from "../runs/studio.js";
import type { HomePaths } from "../store/home.js";
import { SweepService } from "../sweeps/sweep-service.js";
import type { ApiApp, ApiContext } from "./api-context.js";
import { DEFAULT_HOST, DEFAULT_TIMEOUTS, type HttpTimeouts } from "./defaults.js";
import {
  type AbortReporter,
  type BugReporter,
  frameworkErrorHandler,
  installErrorHandling,
} from "./error-handler.js";
import { tokenForBind } from "./guards/bind-policy.js";
import { answerClientError } from "./guards/client-error.js";
import { hostPolicy } from "./guards/host-policy.js";
import { checkRequest } from "./guards/request-guard.js";
import { registerArtifactsRoutes } from "./routes/artifacts-routes.js";
import { registerCandlesRoutes } from "./routes/candles-routes.js";
import { registerMetaRoutes } from "./routes/meta-routes.js";
import { registerPresetsRoutes } from "./routes/presets-routes.js";
import { registerRunEventsRoute } from "./routes/run-events-route.js";
import { registerRunsRoutes } from "./routes/runs-routes.js";
import { registerSweepsRoutes } from "./routes/sweeps-routes.js";
import { registerWebRoutes } from "./routes/web-routes.js";
import type { SseStream } from "./sse-stream.js";

export { DEFAULT_HOST, DEFAULT_PORT } from "./defaults.js";

export interface ServerOptions {
  readonly studio: Studio;
  readonly home: HomePaths;
  /** The address the server is (or will be) bound to: any non-loopback one requires `token`. */
  readonly bind?: string;
  /** Bearer token (STUDIO_TOKEN); enforced on every route whenever it is set. */
  readonly token?: string;
  /** Extra Host names to accept besides loopback ones (`--allowed-host`, STUDIO_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
  /** Sweeps run their trials on `studio worker` processes through this Redis (STUDIO_REDIS_URL). */
  readonly redisUrl?: string;
  /** Interval of the heartbeat comment on event streams. */
  readonly heartbeatMs?: number;
  /** How long a client may take to send a request (tests shorten them). */
  readonly timeouts?: Partial<HttpTimeouts>;
  readonly reportBug?: BugReporter;
  /** Told about requests whose client went away mid-request: not bugs, so never sent to `reportBug`. */
  readonly reportAbort?: AbortReporter;
}

export interface ApiServer {
  readonly app: ApiApp;
  readonly studio: Studio;
  /** Open event streams; shutdown sends each a final frame. */
  readonly streams: ReadonlySet<SseStream>;
}

export async function createServer(options: ServerOptions): Promise<ApiServer> {
  const bind = options.bind ?? DEFAULT_HOST;
  const token = tokenForBind(bind, options.token);
  const hosts = hostPolicy(options.allowedHosts ?? [], bind);
  const timeouts: HttpTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: false,
    bodyLimit: LIMITS.maxBodyBytes,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    clientErrorHandler: (err, socket) => answerClientError(err, socket, timeouts),
    exposeHeadRoutes: false,
    // Requests that arrive while closing are served normally: a submit then stays queued for the next start.
    return503OnClosing: false,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: text/plain and form bodies are what a cross-site page can send without a CORS preflight.
  app.removeContentTypeParser(["text/plain"]);
  // fastify's own JSON parser (prototype poisoning refused), behind a nesting limit checked on the raw text.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (req, body, done) => {
    try {
      assertJsonDepth(body as string, "the request body");
    } catch (err) {
      done(err as Error, undefined);
      return;
    }
    parseJson(req, body as string, done);
  });
  installErrorHandling(app, options.reportBug, options.reportAbort);
  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    checkRequest(req.headers, { hosts, token });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "backtest-studio API",
        version: CODE_VERSION,
        description:
          "Runs, live progress (SSE), artifacts, presets, parameter sweeps and the plugin catalog. See docs/api.md.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: token === undefined ? [] : [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const streams = new Set<SseStream>();
  const ctx: ApiContext = {
    studio: options.studio,
    sweeps: new SweepService(
      options.studio,
      options.home,
      options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl },
    ),
    home: options.home,
    streams,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  };
  registerRunsRoutes(app, ctx);
  registerRunEventsRoute(app, ctx);
  registerArtifactsRoutes(app, ctx);
  registerPresetsRoutes(app, ctx);
  registerMetaRoutes(app, ctx);
  registerWebRoutes(app);
  registerCandlesRoutes(app, ctx);
  registerSweepsRoutes(app, ctx);
  // Sweeps whose process died (kill -9, a crash) continue here, running only their missing trials.
  ctx.sweeps.recover();

  // Open event streams would keep close() waiting forever: tell each client why it ends, then end it.
  app.addHook("preClose", async () => {
    for (const stream of [...streams]) {
      stream.send({
        event: "shutdown",
        data: { message: "the studio server is shutting down; reconnect later" },
      });
      stream.end();
    }
  });

  await app.ready();
  return { app, studio: options.studio, streams };
}
