/**
 * @module http/sse-stream
 * One Server-Sent Events response written by hand on the raw socket (fastify hijacks it). Writes respect
 * backpressure: when the socket's buffer is full, frames wait in a queue until `drain`; a client that stops
 * reading long enough for the queue to pass `maxPendingBytes` is disconnected instead of growing memory (it can
 * reconnect with Last-Event-ID and lose nothing). A comment line every `heartbeatMs` lets proxies and clients tell
 * a quiet run from a dead connection.
 */
import type { ServerResponse } from "node:http";

export interface SseFrame {
  readonly id?: number;
  readonly event: string;
  readonly data: unknown;
}

export interface SseStreamOptions {
  readonly heartbeatMs: number;
  readonly maxPendingBytes?: number;
  /** Reconnection delay the client should use, sent once as `retry:`. */
  readonly retryMs?: number;
}

export function formatFrame(frame: SseFrame): string {
  const id = frame.id === undefined ? "" : `id: ${frame.id}\n`;
  return `${id}event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`;
}

export class SseStream {
  private readonly pending: string[] = [];
  private pendingBytes = 0;
  private blocked = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly closeListeners: (() => void)[] = [];
  private done = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly options: SseStreamOptions,
  ) {
    res.on("close", () => this.finish());
    res.on("drain", () => this.flush());
    // A client that hung up before the stream was built has already fired "close".
    if (res.destroyed || res.socket?.destroyed) queueMicrotask(() => this.finish());
  }

  /** Sends the status line and headers; call once before any frame. */
  open(): void {
    this.res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    });
    this.write(`retry: ${this.options.retryMs ?? 2000}\n\n`);
    this.heartbeat = setInterval(() => this.write(": heartbeat\n\n"), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  get closed(): boolean {
    return this.done;
  }

  send(frame: SseFrame): void {
    this.write(formatFrame(frame));
  }

  /** Ends the response; queued frames (at most `maxPendingBytes`) go to the socket first. */
  end(): void {
    if (this.done || this.res.writableEnded) return;
    this.stopHeartbeat();
    for (const chunk of this.pending.splice(0)) this.res.write(chunk);
    this.pendingBytes = 0;
    this.res.end();
  }

  onClose(listener: () => void): void {
    if (this.done) listener();
    else this.closeListeners.push(listener);
  }

  private write(chunk: string): void {
    if (this.done || this.res.writableEnded) return;
    if (this.blocked) {
      this.pending.push(chunk);
      this.pendingBytes += Buffer.byteLength(chunk);
      if (this.pendingBytes > (this.options.maxPendingBytes ?? 4 * 1024 * 1024)) this.res.destroy();
      return;
    }
    if (!this.res.write(chunk)) this.blocked = true;
  }

  private flush(): void {
    this.blocked = false;
    while (this.pending.length > 0 && !this.blocked) {
      const chunk = this.pending.shift()!;
      this.pendingBytes -= Buffer.byteLength(chunk);
      if (!this.res.write(chunk)) this.blocked = true;
    }
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.stopHeartbeat();
    this.pending.length = 0;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
