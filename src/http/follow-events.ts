/**
 * @module http/follow-events
 * Answers an events request for anything with a seq-numbered event log (a run, a sweep): replays the events after
 * the client's Last-Event-ID, then follows live ones, and ends the stream after `end`. A finished subject with
 * nothing left to send answers 204, which tells an EventSource to stop reconnecting.
 */
import type { FastifyReply } from "fastify";
import { type ApiContext, rawReply } from "./api-context.js";
import { SseStream } from "./sse-stream.js";

export interface SeqEvent {
  readonly seq: number;
  readonly type: string;
}

export function followEvents<E extends SeqEvent>(
  reply: FastifyReply,
  ctx: Pick<ApiContext, "heartbeatMs" | "streams">,
  subscribe: (listener: (event: E) => void) => () => void,
  finished: () => boolean,
): FastifyReply {
  // Events replayed during subscribe() arrive before the stream exists; they wait here in order.
  const early: E[] = [];
  let deliver: ((event: E) => void) | undefined;
  const unsubscribe = subscribe((event) => (deliver ? deliver(event) : early.push(event)));
  if (early.length === 0 && finished()) {
    unsubscribe();
    return rawReply(reply).code(204).send();
  }
  reply.hijack();
  const stream = new SseStream(reply.raw, { heartbeatMs: ctx.heartbeatMs });
  ctx.streams.add(stream);
  stream.onClose(() => {
    unsubscribe();
    ctx.streams.delete(stream);
  });
  stream.open();
  deliver = (event) => {
    stream.send({ id: event.seq, event: event.type, data: event });
    if (event.type === "end") stream.end();
  };
  for (const event of early.splice(0)) deliver(event);
  return reply;
}
