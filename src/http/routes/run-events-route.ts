/**
 * @module http/routes/run-events-route
 * A run's events as Server-Sent Events: `id:` is the event's seq, `event:` its type, `data:` the event as JSON.
 * A client that reconnects with `Last-Event-ID: k` (or `?last_event_id=k`) gets exactly the events after seq k,
 * then live ones; the stream ends after the `end` event. When nothing is left to send for a finished run the
 * answer is 204, which tells an EventSource to stop reconnecting.
 */
import { quote, StudioError } from "../../core/errors.js";
import { isTerminal, type RunEvent } from "../../runs/events/events.js";
import { type ApiApp, type ApiContext, rawReply } from "../api-context.js";
import { bodyOf, ERROR_RESPONSES, EventsQuery, RunIdParams } from "../api-schemas.js";
import { followEvents } from "../follow-events.js";

/** The seq to resume after: the header wins over the query; absent or empty means from the start. */
export function resumeAfter(header: string | string[] | undefined, query: string | undefined): number {
  const raw = (Array.isArray(header) ? header[0] : header) ?? query ?? "";
  const text = raw.trim();
  if (text === "") return 0;
  const n = /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    throw new StudioError(
      "CONFIG_INVALID",
      `Last-Event-ID must be an event seq (a non-negative integer), got ${quote(raw)}`,
      {
        issues: [{ path: "headers.last-event-id", message: "expected a non-negative integer", value: raw }],
      },
    );
  }
  return n;
}

export function registerRunEventsRoute(app: ApiApp, ctx: ApiContext): void {
  const { studio } = ctx;

  app.get(
    "/api/runs/:id/events",
    {
      schema: {
        tags: ["runs"],
        summary: "Follow a run's events (text/event-stream); resumes after Last-Event-ID",
        description:
          "Frames: `id: <seq>`, `event: status|stage|progress|log|end`, `data: <RunEvent JSON>`. Ends after `end`. " +
          "`: heartbeat` comments while idle; an `event: shutdown` frame (no id) when the server stops. " +
          "204 when the run is finished and nothing is left after Last-Event-ID.",
        params: RunIdParams,
        querystring: EventsQuery,
        response: {
          200: bodyOf("Server-Sent Events until `end`", "text/event-stream"),
          ...ERROR_RESPONSES,
        },
      },
    },
    async (req, reply) => {
      const runId = req.params.id;
      const after = resumeAfter(req.headers["last-event-id"], req.query.last_event_id);
      return followEvents<RunEvent>(
        rawReply(reply),
        ctx,
        (listener) => studio.subscribe(runId, after, listener),
        () => isTerminal(studio.get(runId).status),
      );
    },
  );
}
