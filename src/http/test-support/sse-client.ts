/**
 * A minimal Server-Sent Events client over node:http: parses frames as they arrive, lets the caller hang up
 * at any frame (to simulate a dropped connection), and reports comments (heartbeats) separately.
 */
import http from "node:http";

export interface SseMessage {
  readonly id: string | undefined;
  readonly event: string;
  readonly data: string;
}

export interface SseResult {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly messages: SseMessage[];
  readonly comments: string[];
  /** True when the server ended the stream, false when the client hung up. */
  readonly endedByServer: boolean;
}

export interface SseOptions {
  readonly headers?: Record<string, string>;
  /** Return true to hang up after this message. */
  readonly until?: (message: SseMessage, all: readonly SseMessage[]) => boolean;
  /** Return true to hang up after this comment (e.g. the first heartbeat). */
  readonly untilComment?: (comment: string) => boolean;
}

function parseFrame(frame: string): { message?: SseMessage; comment?: string } {
  let id: string | undefined;
  let event = "message";
  const data: string[] = [];
  let comment: string | undefined;
  for (const line of frame.split("\n")) {
    if (line.startsWith(":")) comment = line.slice(1).trim();
    else if (line.startsWith("id: ")) id = line.slice(4);
    else if (line.startsWith("event: ")) event = line.slice(7);
    else if (line.startsWith("data: ")) data.push(line.slice(6));
  }
  if (data.length > 0) return { message: { id, event, data: data.join("\n") } };
  return comment === undefined ? {} : { comment };
}

export function followSse(url: string, options: SseOptions = {}): Promise<SseResult> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: "text/event-stream", ...options.headers } }, (res) => {
      const messages: SseMessage[] = [];
      const comments: string[] = [];
      let buffer = "";
      let hungUp = false;
      const finish = (endedByServer: boolean) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, messages, comments, endedByServer });
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (hungUp) return;
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const { message, comment } = parseFrame(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (comment !== undefined) {
            comments.push(comment);
            if (options.untilComment?.(comment)) {
              hungUp = true;
              req.destroy();
              finish(false);
              return;
            }
          }
          if (message) {
            messages.push(message);
            if (options.until?.(message, messages)) {
              hungUp = true;
              req.destroy();
              finish(false);
              return;
            }
          }
          cut = buffer.indexOf("\n\n");
        }
      });
      res.on("end", () => {
        if (!hungUp) finish(true);
      });
      res.on("error", (err) => {
        if (!hungUp) reject(err);
      });
    });
    req.on("error", reject);
  });
}

/** The RunEvent carried by a message (the API sends the whole event as `data`). */
export function eventOf(message: SseMessage): { seq: number; type: string; data: Record<string, unknown> } {
  return JSON.parse(message.data);
}
