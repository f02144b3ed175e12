/**
 * @module http/guards/body-passthrough
 * A route validator for endpoints whose body is a run config. The body schema stays on the route for the
 * OpenAPI document, but the body itself reaches the studio service untouched: the service validates it with the
 * same full (plugin-aware) validation as the CLI, so both front ends accept the same configs and report the same
 * issues. Query string and path params are still validated by their zod schemas.
 */
import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";

type RouteSchema<S> = Parameters<FastifySchemaCompiler<S>>[0];
type Validation = ReturnType<FastifySchemaCompiler<unknown>>;

export function bodyPassthrough<S>(route: RouteSchema<S>): Validation {
  if (route.httpPart === "body") return (data) => ({ value: data });
  return validatorCompiler(route as unknown as Parameters<typeof validatorCompiler>[0]);
}
