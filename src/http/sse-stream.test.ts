import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { formatFrame, SseStream, type SseStreamOptions } from "./sse-stream.js";
import { followSse } from "./test-support/sse-client.js";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server whose only response is an SseStream handed to `use`. */
async function serve(
  options: SseStreamOptions,
  use: (stream: SseStream, res: http.ServerResponse) => void,
): Promise<string> {
  const server = http.createServer((_req, res) => {
    const stream = new SseStream(res, options);
    stream.open();
    use(stream, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("formatFrame", () => {
  it("writes id, event and one-line JSON data, and omits id when there is none", () => {
    expect(formatFrame({ id: 7, event: "log", data: { message: "a\nb" } })).toBe(
      'id: 7\nevent: log\ndata: {"message":"a\\nb"}\n\n',
    );
    expect(formatFrame({ event: "shutdown", data: {} })).toBe("event: shutdown\ndata: {}\n\n");
  });
});

describe("SseStream", () => {
  it("delivers every frame in order when the writes outrun the socket buffer", async () => {
    const big = "x".repeat(10_000);
    const url = await serve({ heartbeatMs: 60_000, maxPendingBytes: 8 * 1024 * 1024 }, (stream) => {
      for (let i = 1; i <= 300; i++) stream.send({ id: i, event: "log", data: { i, big } });
      stream.end();
    });
    const result = await followSse(url);
    expect(result.endedByServer).toBe(true);
    expect(
      result.messages.map((m) => Number(m.id)),
      "3 MB arrive whole and in order",
    ).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
  });

  it("disconnects a client that stops reading once the queue passes maxPendingBytes", async () => {
    let closed: () => void = () => {};
    const whenClosed = new Promise<void>((r) => (closed = r));
    let sent = 0;
    const url = new URL(
      await serve({ heartbeatMs: 60_000, maxPendingBytes: 256 * 1024 }, (stream) => {
        stream.onClose(closed);
        const chunk = "y".repeat(64 * 1024);
        const timer = setInterval(() => {
          if (stream.closed) return clearInterval(timer);
          stream.send({ id: ++sent, event: "log", data: chunk });
        }, 1);
      }),
    );
    const socket = net.connect(Number(url.port), "127.0.0.1");
    socket.write(`GET / HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    socket.pause();
    await whenClosed;
    socket.destroy();
    expect(sent * 64 * 1024, "it gave up after a bounded amount, not the whole stream").toBeLessThan(
      64 * 1024 * 1024,
    );
  });

  it("sends heartbeat comments while no frame is sent", async () => {
    // The stream ends after its third heartbeat has been written, however late the timers fire on a busy machine.
    const url = await serve({ heartbeatMs: 20 }, (stream, res) => {
      const write = res.write.bind(res) as (chunk: string) => boolean;
      let beats = 0;
      res.write = ((chunk: string) => {
        const ok = write(chunk);
        if (chunk.startsWith(": heartbeat") && ++beats === 3) {
          stream.send({ id: 1, event: "end", data: {} });
          stream.end();
        }
        return ok;
      }) as typeof res.write;
    });
    const result = await followSse(url);
    expect(
      result.comments.filter((c) => c === "heartbeat").length,
      "three heartbeats before the only frame",
    ).toBe(3);
    expect(result.messages.map((m) => m.event)).toEqual(["end"]);
  });
});
