/**
 * @module http/api-context
 * What every route group receives: the studio service, the home (artifacts are read from run folders), the set
 * of open event streams (so shutdown can reach them) and the typed fastify instance routes register on.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Studio } from "../runs/studio.js";
import type { HomePaths } from "../store/home.js";
import type { SweepService } from "../sweeps/sweep-service.js";
import type { SseStream } from "./sse-stream.js";

export type ApiApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface ApiContext {
  readonly studio: Studio;
  readonly sweeps: SweepService;
  readonly home: HomePaths;
  readonly streams: Set<SseStream>;
  readonly heartbeatMs: number;
}

/**
 * The reply without the route's response typing, for bodies the zod serializer must not touch: streams,
 * stored bytes, and empty 204s.
 */
export function rawReply(reply: unknown): FastifyReply {
  return reply as FastifyReply;
}
