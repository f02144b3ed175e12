/**
 * @module http/routes/runs-routes
 * Submitting, listing, reading, cancelling and deleting runs. A submit answers 202 with a new queued run, or
 * 200 with the identical run that already exists (`reused: true`); `?force=true` always queues a new one.
 */
import { quote, StudioError } from "../../core/errors.js";
import type { Studio } from "../../runs/studio.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import {
  ERROR_RESPONSES,
  ListQuery,
  RunIdParams,
  RunList,
  RunView,
  SubmitBody,
  SubmitQuery,
  SubmitResponse,
} from "../api-schemas.js";
import { bodyPassthrough } from "../guards/body-passthrough.js";
import { decodeCursor, encodeCursor } from "../list-cursor.js";

const tags = ["runs"];

/**
 * An unknown or malformed `preset_ref` is a problem in the body (400 at `preset_ref`), not a missing resource:
 * the service would answer NOT_FOUND for the preset, which a client would read as "no such endpoint".
 */
function checkPresetRef(studio: Studio, body: unknown): void {
  const ref =
    typeof body === "object" && body !== null ? (body as { preset_ref?: unknown }).preset_ref : undefined;
  if (typeof ref !== "string") return;
  try {
    studio.presets.get(ref);
  } catch (err) {
    if (!(err instanceof StudioError) || (err.code !== "NOT_FOUND" && err.code !== "CONFIG_INVALID"))
      throw err;
    const message = err.code === "NOT_FOUND" ? "unknown preset" : "not a preset name";
    throw new StudioError("CONFIG_INVALID", `preset_ref: ${message} ${quote(ref)}`, {
      issues: [{ path: "preset_ref", message, value: ref }],
    });
  }
}

export function registerRunsRoutes(app: ApiApp, ctx: ApiContext): void {
  const { studio } = ctx;

  app.post(
    "/api/runs",
    {
      schema: {
        tags,
        summary: "Submit a run (or get the identical existing one)",
        querystring: SubmitQuery,
        body: SubmitBody,
        response: { 200: SubmitResponse, 202: SubmitResponse, ...ERROR_RESPONSES },
      },
      validatorCompiler: bodyPassthrough,
    },
    async (req, reply) => {
      const body: unknown = req.body;
      checkPresetRef(studio, body);
      const { run, reused } = studio.submit(body, { force: req.query.force === "true" });
      reply.header("location", `/api/runs/${run.run_id}`);
      return reply.code(reused ? 200 : 202).send({ run, reused });
    },
  );

  app.get(
    "/api/runs",
    {
      schema: {
        tags,
        summary: "List runs, newest first, with their metrics summary",
        querystring: ListQuery,
        response: { 200: RunList, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const { status, limit, cursor } = req.query;
      // One extra row tells whether another page exists without a count query.
      const rows = studio.list({
        status,
        limit: limit + 1,
        cursor: cursor === undefined ? undefined : decodeCursor(cursor),
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const more = rows.length > limit && last !== undefined;
      return {
        runs: page,
        next_cursor: more ? encodeCursor({ createdAt: last.created_at, runId: last.run_id }) : null,
      };
    },
  );

  app.get(
    "/api/runs/:id",
    {
      schema: {
        tags,
        summary: "One run",
        params: RunIdParams,
        response: { 200: RunView, ...ERROR_RESPONSES },
      },
    },
    async (req) => studio.get(req.params.id),
  );

  app.post(
    "/api/runs/:id/cancel",
    {
      schema: {
        tags,
        summary: "Cancel a queued or running run; answers once it has stopped (409 when already finished)",
        params: RunIdParams,
        response: { 200: RunView, ...ERROR_RESPONSES },
      },
    },
    async (req) => studio.cancel(req.params.id),
  );

  app.delete(
    "/api/runs/:id",
    {
      schema: {
        tags,
        summary: "Delete a finished or queued run, its row and its folder (409 while running)",
        params: RunIdParams,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      await studio.delete(req.params.id);
      return rawReply(reply).code(204).send();
    },
  );
}
